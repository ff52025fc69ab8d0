using Microsoft.AspNetCore.Mvc.Rendering;

namespace PatientExperience.Web.ViewModels;

/// <summary>One labelled drop-down on the complaint forms.</summary>
public sealed record ComplaintFieldModel(string Name, string Label, IReadOnlyList<SelectListItem> Options, string? Empty, string? Hint = null);
