using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PatientExperience.Infrastructure.Forms;

namespace PatientExperience.Web.Forms;

/// <summary>
/// Runs a create form's POST once per one-time key. The request claims the key by inserting it (<see cref="OneTimeFormKeys"/>:
/// the database's primary key decides a race). The winner runs the action: a redirect (success, Post/Redirect/Get) is
/// stored as the key's result; the form drawn again with a message, a redirect carrying an error message
/// (<see cref="ErrorMessage"/>), or an exception gives the key back so the person can fix and resend. A later copy waits
/// up to <see cref="WaitForFirst"/> for the first one's result and redirects there; if the first is still running, it
/// shows a calm "still sending" page (202). A key held by another user, or none at
/// all, runs the action as a fresh request.
/// </summary>
/// <remarks>
/// A resource filter: after authorization (antiforgery included) and before model binding, and it sees the final response,
/// whichever result type the action returned. A browser that aborts the first copy of a double click cancels its request;
/// that copy gives the key back and the second one, still waiting, claims it and does the work.
/// </remarks>
public sealed partial class OnceOnlyFilter(
    OneTimeFormKeys keys, IModelMetadataProvider metadata, ITempDataDictionaryFactory tempData, ILogger<OnceOnlyFilter> logger) : IAsyncResourceFilter
{
    /// <summary>The hidden field's name.</summary>
    public const string FieldName = "__FormKey";

    /// <summary>
    /// The TempData entry a screen shows as an error: an action that redirects with it set (the front desk's caller screen
    /// does) reports a failure, not a result to land on.
    /// </summary>
    public const string ErrorMessage = "Error";

    /// <summary>How long a second copy waits for the first one's result before it says "still sending".</summary>
    public static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (await KeyOfAsync(http.Request) is not { } key)
        {
            await next();
            return;
        }
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var holder = await keys.ClaimAsync(key, userId, http.RequestAborted);
            if (holder is null)
            {
                await RunFirstAsync(http, next, key);
                return;
            }
            if (holder.UserId != userId)
            {
                // Not this person's form (a key copied from elsewhere): nothing of the other request is shown or reused.
                LogForeignKey(context.ActionDescriptor.DisplayName);
                await next();
                return;
            }
            // Wall-clock waiting (not the clinic's TimeProvider, which tests may hold still).
            while (holder is { ResultUrl: null } && waited.Elapsed < WaitForFirst)
            {
                await Task.Delay(PollEvery, http.RequestAborted);
                holder = await keys.ReadAsync(key, http.RequestAborted);
            }
            if (holder?.ResultUrl is { } resultUrl)
            {
                LogSecondCopy(context.ActionDescriptor.DisplayName);
                context.Result = new RedirectResult(resultUrl);
                return;
            }
            if (holder is not null)
            {
                context.Result = new ViewResult
                {
                    ViewName = "~/Views/Shared/StillSending.cshtml",
                    ViewData = new ViewDataDictionary(metadata, context.ModelState),
                    StatusCode = StatusCodes.Status202Accepted,
                };
                return;
            }
            // The first copy gave the key back (it came to nothing): this copy claims it and runs.
        }
    }

    private async Task RunFirstAsync(HttpContext http, ResourceExecutionDelegate next, Guid key)
    {
        string? resultUrl = null;
        try
        {
            var messages = tempData.GetTempData(http);
            var errorBefore = messages.Peek(ErrorMessage);
            var executed = await next();
            // An error left unread from an earlier request is the same object; one set by this action is a new one.
            var failed = messages.Peek(ErrorMessage) is { } error && !ReferenceEquals(error, errorBefore);
            if ((executed.Exception is null || executed.ExceptionHandled) && !failed)
                resultUrl = ResultUrl(http.Response);
        }
        finally
        {
            // Not the request's token: an aborted request must still record or give back its key.
            try
            {
                if (resultUrl is null)
                    await keys.ReleaseAsync(key, CancellationToken.None);
                else
                    await keys.CompleteAsync(key, resultUrl, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogKeyNotRecorded(ex.GetType().Name);
            }
        }
    }

    /// <summary>A local redirect is a success to send later copies to; anything else created nothing to land on.</summary>
    private static string? ResultUrl(HttpResponse response)
    {
        if (response.StatusCode is < 300 or > 399)
            return null;
        var location = response.Headers.Location.ToString();
        var local = location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal);
        return local && location.Length <= FormSubmission.ResultUrlLength ? location : null;
    }

    private static async Task<Guid?> KeyOfAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return null;
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return Guid.TryParse(form[FieldName].ToString(), out var key) && key != Guid.Empty ? key : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A second copy of a form to {Action} landed on the first one's result")]
    private partial void LogSecondCopy(string? action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A form to {Action} carried another user's one-time key; it ran as a new request")]
    private partial void LogForeignKey(string? action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A one-time form key could not be recorded or given back ({ErrorType})")]
    private partial void LogKeyNotRecorded(string errorType);
}
