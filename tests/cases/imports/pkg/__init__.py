print("pkg init", __name__, __package__)
from . import sub
from .sub import helper
VALUE = "pkg-value"
