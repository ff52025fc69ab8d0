using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace PatientExperience.Infrastructure.Calendar;

public sealed record CalendarEntry(
    string Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, DateTime StampUtc,
    string Summary, string Location, string Description, bool Cancelled);

/// <summary>
/// The .ics attached to booking emails. The UID stays the same for the life of the appointment
/// and SEQUENCE rises with every change, so calendar apps update the one event instead of adding
/// another; a cancellation is METHOD:CANCEL with STATUS:CANCELLED.
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string FileName = "appointment.ics";

    public static byte[] Build(CalendarEntry entry)
    {
        var calendar = new Ical.Net.Calendar
        {
            Method = entry.Cancelled ? "CANCEL" : "REQUEST",
            ProductId = "-//PatientExperience//Appointments//EN",
        };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = entry.Uid,
            Sequence = entry.Sequence,
            DtStamp = new CalDateTime(entry.StampUtc, "UTC"),
            DtStart = new CalDateTime(entry.StartUtc, "UTC"),
            DtEnd = new CalDateTime(entry.EndUtc, "UTC"),
            Summary = entry.Summary,
            Location = entry.Location,
            Description = entry.Description,
            Status = entry.Cancelled ? "CANCELLED" : "CONFIRMED",
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return Encoding.UTF8.GetBytes(text);
    }
}
