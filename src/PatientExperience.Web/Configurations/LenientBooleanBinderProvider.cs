using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PatientExperience.Web.Configurations;

public sealed class LenientBooleanBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) ? new LenientBooleanBinder() : null;
}
