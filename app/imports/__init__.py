"""History import: a center's exported interaction records (CSV/XLSX) into interactions."""
