using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// A value in the address wins: an action parameter named like a parameter of its attribute route (<c>{id}</c>) is bound
/// from the route only. Left alone, MVC reads a form field of the same name first, so <c>POST /questionnaires/3</c> with
/// a field <c>id=7</c> would act on questionnaire 7 while the address (and the authorization that looked at it) said 3.
/// </summary>
public sealed partial class RouteValuesWinConvention : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        ArgumentNullException.ThrowIfNull(application);
        foreach (var controller in application.Controllers)
        {
            var controllerTemplates = controller.Selectors.Select(s => s.AttributeRouteModel?.Template).OfType<string>().ToList();
            foreach (var action in controller.Actions)
            {
                var names = controllerTemplates.Concat(action.Selectors.Select(s => s.AttributeRouteModel?.Template).OfType<string>())
                    .SelectMany(t => RouteParameter().Matches(t).Select(m => m.Groups[1].Value))
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in action.Parameters)
                {
                    if (!names.Contains(parameter.ParameterName) || parameter.BindingInfo?.BindingSource is { } source && source != BindingSource.ModelBinding)
                        continue;
                    parameter.BindingInfo ??= new BindingInfo();
                    parameter.BindingInfo.BindingSource = BindingSource.Path;
                }
            }
        }
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex RouteParameter();
}
