using Microsoft.Extensions.Time.Testing;

namespace MqttKube.Tests.Leadership;

/// <summary>
/// A fake clock whose timers fire up to a millisecond early, as the system's do on Linux: a due time becomes whole
/// milliseconds and the timers run on a coarser clock than the Stopwatch (<c>GetTimestamp</c>), so a timer set for
/// what is left until a deadline may find, when it fires, that the deadline is not quite there yet.
/// </summary>
internal sealed class EarlyTimers(FakeTimeProvider clock) : TimeProvider
{
    private static readonly TimeSpan Early = TimeSpan.FromMilliseconds(1);

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Timer(clock.CreateTimer(callback, state, Sooner(dueTime), Sooner(period)));

    /// <summary>A millisecond early; a timer for a millisecond or less fires on time.</summary>
    private static TimeSpan Sooner(TimeSpan due) => due > Early ? due - Early : due;

    private sealed class Timer(ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Sooner(dueTime), Sooner(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
