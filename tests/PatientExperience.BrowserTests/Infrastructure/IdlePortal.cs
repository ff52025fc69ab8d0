namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// The real clock moved on by <see cref="Offset"/>: a test jumps the portal to the end of an idle sign-in (the real 30
/// minutes) without waiting, while its timers keep running in real time.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>A portal with a <see cref="ShiftedClock"/>, for the idle sign-out journeys (a class fixture).</summary>
public sealed class IdlePortal : BrowserPortal
{
    public IdlePortal()
        : this(new ShiftedClock())
    {
    }

    private IdlePortal(ShiftedClock clock)
        : base(new PortalServer(clock)) => Clock = clock;

    public ShiftedClock Clock { get; }
}
