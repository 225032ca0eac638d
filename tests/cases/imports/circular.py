import circ.a
print(circ.a.use_b(), circ.b.use_a(), circ.a.A_VALUE)
import circ.b
print(circ.b.B_VALUE)
