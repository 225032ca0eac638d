# Instances whose attributes are stored through STORE_ATTR's inline cache (the
# same site, many objects) form cycles the collector must find: the dict store
# through the cache tracks the instance dict as every other store does.
import gc

gc.disable()  # only the explicit collections below (also under gc-stress)
class Node:
    def __init__(self):
        self.next = None
        self.prev = None
    def link_next(self, next):
        self.next = next
        self.next.prev = self
def create_cycle(node, n_links):
    current = node
    for i in range(n_links):
        next_node = Node()
        current.link_next(next_node)
        current = next_node
    current.link_next(node)
for k in range(3):
    gc.collect()
    cycles = []
    for _ in range(100):
        node = Node(); cycles.append(node); create_cycle(node, 20)
    del cycles
    print(gc.collect(), gc.get_count())
