# A compiler warning, then a compile error: CPython prints both, with the range of the
# offending statement under the error.
import sys
x = 1 is 1
return 5
