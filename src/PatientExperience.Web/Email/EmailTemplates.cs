using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PatientExperience.Core.Email;

namespace PatientExperience.Web.Email;

/// <summary>
/// Renders an email's two parts from Razor views in Views/Emails: <c>{name}.cshtml</c> (HTML, in the shared
/// <c>_EmailLayout</c>) and <c>{name}.text.cshtml</c> (plain text, in <c>_EmailTextLayout</c>), from the same model.
/// Works outside any request (reminders are sent by background services): the view runs on a fresh
/// <see cref="DefaultHttpContext"/> whose services are this scope's. Call it inside a <c>CultureScope</c>: the views'
/// localizer and the layout's <c>lang</c> follow the current culture.
/// </summary>
public sealed partial class EmailTemplates(IRazorViewEngine engine, ITempDataProvider tempData, IServiceProvider services)
{
    public EmailContent Render<TModel>(string subject, string name, TModel model)
        where TModel : class
    {
        var html = RenderView($"/Views/Emails/{name}.cshtml", subject, model);
        var text = RenderView($"/Views/Emails/{name}.text.cshtml", subject, model);
        return new EmailContent(subject, PlainText(text), html);
    }

    private string RenderView(string path, string subject, object model)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(http, new Microsoft.AspNetCore.Routing.RouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath: path, isMainPage: true);
        if (!found.Success)
            throw new InvalidOperationException($"There is no email template {path}.");
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        viewData["Subject"] = subject;
        var context = new ViewContext(action, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        // The interfaces that send mail are synchronous. An email view awaits no I/O (it writes to a StringWriter),
        // so this task has already finished and nothing blocks.
        found.View.RenderAsync(context).GetAwaiter().GetResult();
        return writer.ToString();
    }

    /// <summary>
    /// Razor HTML-encodes everything it writes, which is right for the HTML part and exactly reversible: the text
    /// templates hold no markup, so decoding gives back the words as written. Blank runs become one empty line.
    /// </summary>
    private static string PlainText(string rendered)
    {
        var text = WebUtility.HtmlDecode(rendered).Replace("\r\n", "\n", StringComparison.Ordinal);
        text = TrailingSpaces().Replace(text, "\n");
        return BlankRuns().Replace(text, "\n\n").Trim() + "\n";
    }

    [GeneratedRegex(@"[ \t]+\n")]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n\s*\n(\s*\n)*")]
    private static partial Regex BlankRuns();
}
