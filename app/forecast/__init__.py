"""Forecasting contact volume per queue and 15-minute interval, its backtest and prediction intervals."""
