namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>The two screens every journey is walked on: a phone held upright and a laptop.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsPhone)
{
    public static readonly Viewport Phone = new("phone", 390, 844, IsPhone: true);
    public static readonly Viewport Desktop = new("desktop", 1280, 800, IsPhone: false);

    /// <summary>For [InlineData("phone")]: a string keeps each case its own test in the runner's list.</summary>
    public static Viewport Named(string name) => name switch
    {
        "phone" => Phone,
        "desktop" => Desktop,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use \"phone\" or \"desktop\"."),
    };
}
