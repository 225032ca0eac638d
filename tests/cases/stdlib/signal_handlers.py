# The signal module: Python handlers run at the loop's check points with the
# signal number and frame; SIGINT raises KeyboardInterrupt; timers, masks.
import signal, os, sys, time
print('_signal' in sys.modules, signal.getsignal(signal.SIGINT))
got = []
def h(sig, frame):
    got.append((sig, frame.f_code.co_name))
old = signal.signal(signal.SIGUSR1, h)
print(old)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(3): pass
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KI", repr(e))
signal.signal(signal.SIGALRM, lambda s, f: got.append('alarm'))
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
print(got[-1])
print(signal.strsignal(2), signal.strsignal(40), len(signal.valid_signals()))
print(signal.Signals.SIGINT, signal.Handlers.SIG_IGN, signal.SIGRTMIN)
try: signal.signal(99, h)
except ValueError as e: print(e)
try: signal.signal(signal.SIGKILL, h)
except OSError as e: print(e)
try: signal.signal(2, 'x')
except TypeError as e: print(e)
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]))
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2]))
try: signal.getitimer(99)
except signal.ItimerError as e: print(type(e), e)
import unittest
print(unittest.TestCase)
print(signal.getsignal(signal.SIGUSR1) is h, signal.signal(signal.SIGUSR1, signal.SIG_DFL) is h)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE))
def boom(sig, frame):
    raise ValueError("from handler %d" % sig)
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except ValueError as e:
    print("caught", e)
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR2)
print("ignored")
print(signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
for bad in [lambda: signal.getsignal(0), lambda: signal.signal(1.5, h), lambda: signal.strsignal(100),
            lambda: signal.pthread_sigmask(99, []), lambda: signal.pthread_sigmask(0, [0]),
            lambda: signal.set_wakeup_fd(10**6), lambda: signal.default_int_handler(),
            lambda: signal.default_int_handler(2, None), lambda: signal.siginterrupt(99, 1),
            lambda: signal.setitimer(signal.ITIMER_REAL, float('nan'))]:
    try:
        print(bad())
    except (ValueError, TypeError, OSError, KeyboardInterrupt) as e:
        print(type(e).__name__, e)
r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w), signal.set_wakeup_fd(-1) == w)
os.close(r); os.close(w)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
