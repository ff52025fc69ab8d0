namespace PatientExperience.Web.Email;

/// <summary>Views/Emails/WaitlistOffer: a freed time held for the patient, confirmed with one click.</summary>
public sealed record WaitlistOfferEmail(string Greeting, string Offer, string When, string Hold, string Url);
