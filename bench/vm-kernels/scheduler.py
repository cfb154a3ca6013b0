# A richards-style task scheduler: tasks of four kinds (idle, worker, handler, device) pass packets
# through a priority-ordered task list; each run step is a method call chosen by the task's class
# (instance attributes, small methods, linked lists, integer state).

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is None
        self.held = False
        self.next = None
        sched.add(self)

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        p = self.queue
        if p is None:
            return None
        self.queue = p.link
        self.waiting = False
        return p

    def receive(self, packet):
        # a packet arrives: queue it; returns whether this task should preempt the current one
        was_empty = self.queue is None
        self.queue = packet.append_to(self.queue)
        return was_empty and self.waiting


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        Task.__init__(self, sched, ident, priority, None)
        self.waiting = False
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.sched.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.dest = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.owner = self.dest
        packet.datum = 0
        for i in range(DATA_SIZE):
            self.letter = self.letter + 1 if self.letter < 25 else 0
            packet.data[i] = self.letter
        return self.sched.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            if work.datum < DATA_SIZE:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.datum = work.data[work.datum]
                    work.datum += 1
                    return self.sched.send(dev)
            else:
                self.work = work.link
                return self.sched.send(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            p = self.pending
            if p is None:
                return self.sched.wait()
            self.pending = None
            return self.sched.send(p)
        self.pending = packet
        self.sched.hold_count += 1
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.head = None
        self.current = None
        self.hold_count = 0
        self.send_count = 0

    def add(self, task):
        self.tasks[task.ident] = task
        # keep the list ordered by descending priority
        if self.head is None or task.priority > self.head.priority:
            task.next = self.head
            self.head = task
            return
        t = self.head
        while t.next is not None and t.next.priority >= task.priority:
            t = t.next
        task.next = t.next
        t.next = task

    def wait(self):
        self.current.waiting = True
        return self.current

    def hold_self(self):
        self.current.held = True
        return self.current.next

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        return t if t.priority > self.current.priority else self.current

    def send(self, packet):
        target = self.tasks[packet.owner]
        self.send_count += 1
        packet.owner = self.current.ident
        if target.receive(packet) and target.priority > self.current.priority:
            return target
        return self.current

    def run(self):
        t = self.head
        while t is not None:
            if t.runnable():
                self.current = t
                packet = t.take_packet() if t.queue is not None and not t.waiting else None
                if t.waiting and t.queue is not None:
                    packet = t.take_packet()
                t = t.step(packet)
            else:
                t = t.next


def build(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, count)
    wq = Packet(None, WORKER, KIND_WORK)
    wq = Packet(wq, WORKER, KIND_WORK)
    WorkerTask(s, WORKER, 1000, wq)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    return s


total_sends = total_holds = 0
for rnd in range(6):
    s = build(10000 + rnd)
    s.run()
    total_sends += s.send_count
    total_holds += s.hold_count
print(total_sends, total_holds)
