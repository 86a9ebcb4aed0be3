"""`python -m app` runs the floorwalker command."""

from app.cli import main

raise SystemExit(main())
