def none_ret():
    return
def tup():
    return 1, 2
def early(x):
    if x:
        return "early"
    return "late"
def multi_exit(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(none_ret(), tup(), early(1), early(0), multi_exit(10), multi_exit(2))
def ret_in_loop_try():
    for i in range(3):
        try:
            return i
        finally:
            print("finally", i)
print(ret_in_loop_try())
