"""Entry point of the frozen bundle: the `floorwalker` console script (app.cli:main)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless when unused; needed if a library spawns workers
    from app.cli import main

    sys.exit(main())
