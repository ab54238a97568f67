"""Liaison: an offline desktop app for customer liaison officers at UK social housing landlords."""
__version__ = "0.1.0"
APP_NAME = "Liaison"
APP_AUTHOR = "Liaison"
