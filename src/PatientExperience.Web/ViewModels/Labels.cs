namespace PatientExperience.Web.ViewModels;

public static class Labels
{
    /// <summary>Plain words for how a patient reached us (the enum names are for code).</summary>
    public static string Channel(Core.Interactions.InteractionChannel channel) => channel switch
    {
        Core.Interactions.InteractionChannel.InPerson => "In person",
        Core.Interactions.InteractionChannel.Text => "Text message",
        _ => channel.ToString(),
    };

    public static string Status(Core.Appointments.AppointmentStatus status) => status switch
    {
        Core.Appointments.AppointmentStatus.InRoom => "With the clinician",
        Core.Appointments.AppointmentStatus.NoShow => "Did not come",
        _ => status.ToString(),
    };
}
