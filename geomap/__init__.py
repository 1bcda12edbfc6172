"""geomap: news articles in, a map of the places they mention out — offline by default."""

from .config import Settings
from .parser import Geoparser, Mention

__all__ = ["Geoparser", "Mention", "Settings"]
__version__ = "0.1.0"
