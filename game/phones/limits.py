"""Rate limits: a token bucket per key (a device, an address), in memory only and bounded in size, so a
flood of made-up keys cannot grow it without end. Addresses are used as keys here and nowhere else: they
are never written down or logged."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimit:
    def __init__(self, per_second: float, burst: float, max_keys: int = 4096,
                 clock: Callable[[], float] = time.monotonic):
        self.per_second, self.burst, self.max_keys, self.clock = per_second, burst, max_keys, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, when)
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            tokens, when = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - when) * self.per_second)
            ok = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if ok else tokens, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)  # the longest quiet: forgetting it only gives it a full bucket
            return ok
