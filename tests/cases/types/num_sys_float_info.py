import sys
fi = sys.float_info
print(fi.max, fi.max_exp, fi.max_10_exp, fi.min, fi.min_exp, fi.min_10_exp, fi.dig, fi.mant_dig, fi.epsilon, fi.radix, fi.rounds)
print(sys.int_info, sys.maxsize, sys.hash_info.width, sys.float_repr_style)
print(fi.epsilon + 1.0 > 1.0, fi.epsilon / 2 + 1.0 == 1.0, fi.max * 2, fi.min / 2 > 0, fi.min * fi.epsilon)
