def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError(f"insufficient funds: {balance} < {x}")
        balance -= x
        return balance
    return deposit, withdraw
dep, wd = make_account(100)
print(dep(50), wd(30))
try:
    wd(1000)
except ValueError as e:
    print(type(e).__name__, e)
print(dep.__closure__[0].cell_contents, [c.cell_contents for c in wd.__closure__])
