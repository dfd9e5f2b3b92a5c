"""Neural-network building blocks."""
from . import utils  # noqa: F401
