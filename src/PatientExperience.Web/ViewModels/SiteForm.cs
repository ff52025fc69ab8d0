using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Sites;

namespace PatientExperience.Web.ViewModels;

public sealed class SiteForm
{
    public int? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Address (optional)")]
    public string? Address { get; set; }

    [Display(Name = "Phone number (optional)")]
    public string? Phone { get; set; }

    [Display(Name = "How to find it (optional)")]
    public string? Directions { get; set; }

    [Display(Name = "What to bring (optional)")]
    public string? WhatToBring { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; }

    [Display(Name = "Complaint rules")]
    public string? PolicyPack { get; set; }

    /// <summary>Opening hours, one row per day of <see cref="OpeningTime.Week"/> (Monday first); every row empty is none.</summary>
    public List<OpeningDayForm> Hours { get; set; } = [.. OpeningTime.Week.Select(_ => new OpeningDayForm())];

    public SaveSite ToRequest() => new(Name, Address, Phone, Directions, WhatToBring, TimeZone, PolicyPack,
        [.. Hours.Take(OpeningTime.Week.Count).Select((h, i) => new SaveOpeningDay(OpeningTime.Week[i], h.Opens, h.Closes, h.Reopens, h.ClosesAgain))]);

    /// <summary>The form's rows for a site's stored hours (a closed day's row stays empty; a day's second opening, after a
    /// break, in its second pair).</summary>
    public static List<OpeningDayForm> HoursOf(IEnumerable<SiteOpeningHours> hours)
    {
        var byDay = hours.ToLookup(h => h.Day);
        return [.. OpeningTime.Week.Select(day => byDay[day].OrderBy(h => h.Opens).ToList()).Select(open => new OpeningDayForm
        {
            Opens = Text(open.ElementAtOrDefault(0)?.Opens), Closes = Text(open.ElementAtOrDefault(0)?.Closes),
            Reopens = Text(open.ElementAtOrDefault(1)?.Opens), ClosesAgain = Text(open.ElementAtOrDefault(1)?.Closes),
        })];
    }

    private static string? Text(TimeOnly? time) => time?.ToString(SaveOpeningDay.Format, System.Globalization.CultureInfo.InvariantCulture);
}
