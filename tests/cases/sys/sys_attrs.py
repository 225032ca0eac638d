import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), type(sys.version_info).__name__)
print(sys.maxsize, sys.byteorder, sys.platform, sys.hexversion >> 16)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan)
print(sys.maxunicode, sys.getdefaultencoding(), sys.getrecursionlimit(), sys.flags.utf8_mode)
print(type(sys.stdout).__name__, sys.stdout.encoding, sys.stderr.encoding, sys.stdin.encoding)
