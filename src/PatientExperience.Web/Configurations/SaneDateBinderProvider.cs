using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PatientExperience.Web.Configurations;

/// <summary>Wraps whichever binder the framework would use for a date (the next provider in the list) in <see cref="SaneDateBinder"/>.</summary>
public sealed class SaneDateBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    private static readonly Type[] Dates = [typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (!Dates.Contains(type))
            return null;
        foreach (var provider in providers)
        {
            if (ReferenceEquals(provider, this))
                continue;
            if (provider.GetBinder(context) is { } inner)
                return new SaneDateBinder(inner);
        }
        return null;
    }
}
