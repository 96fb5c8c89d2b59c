namespace MqttKube.Tests.Bindings.Scenarios;

/// <summary>
/// A clock that moves only when told (<see cref="AdvanceTo"/>): timers fire in due order, synchronously, with the
/// clock set to their due time. A timer due at once fires as it is created.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private readonly DateTimeOffset start;
    private long ticks;

    public ManualClock(DateTimeOffset start) => this.start = start;

    public TimeSpan Elapsed
    {
        get
        {
            lock (gate)
            {
                return TimeSpan.FromTicks(ticks);
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => start + Elapsed;

    public override long GetTimestamp() => Elapsed.Ticks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The earliest time a timer is due at, if one is at or before <paramref name="limit"/>.</summary>
    public TimeSpan? NextDue(TimeSpan limit)
    {
        lock (gate)
        {
            var due = timers.Where(t => t.Due <= limit.Ticks).Select(t => (long?)t.Due).Min();
            return due is { } d ? TimeSpan.FromTicks(d) : null;
        }
    }

    /// <summary>Moves the clock to <paramref name="at"/> (never back) and fires every timer due by then.</summary>
    public void AdvanceTo(TimeSpan at)
    {
        while (true)
        {
            ManualTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.Due <= at.Ticks).OrderBy(t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    ticks = Math.Max(ticks, at.Ticks);
                    return;
                }

                ticks = Math.Max(ticks, next.Due);
                timers.Remove(next);
                if (next.Period > 0)
                {
                    next.Due = ticks + next.Period;
                    timers.Add(next);
                }
            }

            next.Fire();
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool now;
        lock (gate)
        {
            timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            timer.Due = ticks + dueTime.Ticks;
            now = dueTime <= TimeSpan.Zero;
            if (!now || timer.Period > 0)
            {
                if (now)
                {
                    timer.Due = ticks + timer.Period;
                }

                timers.Add(timer);
            }
        }

        if (now)
        {
            timer.Fire();
        }
    }

    private void Cancel(ManualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long Due { get; set; }

        public long Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
