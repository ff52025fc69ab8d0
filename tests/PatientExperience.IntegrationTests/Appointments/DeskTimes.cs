using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>The times on the front desk's caller screen: each opens the check step, where the booking is made.</summary>
internal static class DeskTimes
{
    public static IReadOnlyList<IElement> On(IHtmlDocument screen, long patientId) =>
        [.. screen.QuerySelectorAll($"form[action='/frontdesk/patients/{patientId}/check']")];

    public static IReadOnlyList<KeyValuePair<string, string>> Values(IElement form) =>
        [.. form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))];

    /// <summary>Presses a time: the check page, which books nothing yet.</summary>
    public static Task<IHtmlDocument> OpenCheckAsync(Browser desk, IElement timeForm, CancellationToken ct) =>
        desk.GetPageAsync(timeForm.GetAttribute("action") + "?" + string.Join("&", Values(timeForm).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}")), ct);

    /// <summary>Presses a time, then "Book it" (or "Move it") on the check page.</summary>
    public static async Task<HttpResponseMessage> PressAndConfirmAsync(Browser desk, IElement timeForm, CancellationToken ct)
    {
        var check = await OpenCheckAsync(desk, timeForm, ct);
        return await ConfirmAsync(desk, check, ct);
    }

    public static Task<HttpResponseMessage> ConfirmAsync(Browser desk, IHtmlDocument check, CancellationToken ct)
    {
        var form = check.QuerySelector("main form[method=post]") ?? throw new InvalidOperationException("No booking form on the check page.");
        return desk.PostWithTokenAsync(check, form.GetAttribute("action")!, Values(form).Where(v => v.Key != "__RequestVerificationToken"), ct);
    }
}
