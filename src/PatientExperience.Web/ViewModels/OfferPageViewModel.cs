using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

public sealed record OfferPageViewModel(OfferView Offer, string Token);
