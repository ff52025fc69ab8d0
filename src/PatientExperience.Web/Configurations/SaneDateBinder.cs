using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// Dates bound from a request (query, form or route) must fall in <see cref="SaneDates"/>: the framework's binder reads
/// 9999-12-31 or 0001-01-01 happily, and a page that then adds a day or converts to UTC throws (a 500). A date outside is
/// refused as an unreadable value is (a model error, nothing bound), so every page already handles it: a form shows the
/// field's message, an optional parameter such as a times page's <c>from</c> is simply not given.
/// </summary>
public sealed class SaneDateBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (!bindingContext.Result.IsModelSet || bindingContext.Result.Model is not { } model)
            return;
        var sane = model switch
        {
            DateOnly d => SaneDates.Contains(d),
            DateTime d => SaneDates.Contains(d),
            DateTimeOffset d => SaneDates.Contains(d),
            _ => true,
        };
        if (sane)
            return;
        var attempted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue ?? string.Empty;
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(attempted, bindingContext.ModelMetadata.GetDisplayName()));
        bindingContext.Result = ModelBindingResult.Failed();
    }
}

