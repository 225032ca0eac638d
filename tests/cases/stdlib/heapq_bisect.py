import heapq, bisect
h = []
for v in [5, 1, 8, 3, 2]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [1, 9, 3]), heapq.nsmallest(2, [4, 1, 3]))
a = [1, 3, 5, 7]
print(bisect.bisect_left(a, 5), bisect.bisect_right(a, 5), bisect.bisect(a, 0))
bisect.insort(a, 4)
print(a, list(heapq.merge([1, 4], [2, 3])))
