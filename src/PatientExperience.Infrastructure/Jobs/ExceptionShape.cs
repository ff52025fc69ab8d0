using System.Data.Common;
using System.Text;

namespace PatientExperience.Infrastructure.Jobs;

/// <summary>An exception as a log may keep it: every exception in the chain with its type, database code and stack trace, no message.</summary>
public static class ExceptionShape
{
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        var depth = 0;
        for (Exception? current = exception; current is not null && depth < 10; depth++)
        {
            text.Append(depth == 0 ? string.Empty : " ---> ").Append(current.GetType().FullName);
            if (current is DbException { SqlState: { } state })
                text.Append(CultureInfo.InvariantCulture, $" (SQLSTATE {state})");
            else if (current is DbException db)
                text.Append(CultureInfo.InvariantCulture, $" (code {db.ErrorCode})");
            text.AppendLine().Append(current.StackTrace).AppendLine();
            current = current is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : current.InnerException;
        }
        return text.ToString();
    }
}
