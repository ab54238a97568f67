"""`python -m liaison_app`: the same as `liaison-app`."""
import sys

from liaison_app.app import main

sys.exit(main())
