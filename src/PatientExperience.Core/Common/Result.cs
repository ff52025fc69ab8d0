namespace PatientExperience.Core.Common;

/// <summary>An expected outcome as a value: a page explains it, nothing throws.</summary>
public class Result
{
    protected Result(ResultStatus status, IReadOnlyList<ValidationError> errors)
    {
        Status = status;
        Errors = errors;
    }

    public ResultStatus Status { get; }
    public IReadOnlyList<ValidationError> Errors { get; }
    public bool IsSuccess => Status == ResultStatus.Ok;

    public static Result Success() => new(ResultStatus.Ok, []);
    public static Result NotFound() => new(ResultStatus.NotFound, []);
    public static Result Invalid(params ValidationError[] errors) => new(ResultStatus.Invalid, errors);
    public static Result Invalid(IEnumerable<ValidationError> errors) => new(ResultStatus.Invalid, [.. errors]);
    public static Result Conflict(string message) => new(ResultStatus.Conflict, [new ValidationError(string.Empty, message)]);
}

public sealed class Result<T> : Result
{
    private Result(ResultStatus status, T? value, IReadOnlyList<ValidationError> errors)
        : base(status, errors) => Value = value;

    public T? Value { get; }

    public static Result<T> Success(T value) => new(ResultStatus.Ok, value, []);
    public static new Result<T> NotFound() => new(ResultStatus.NotFound, default, []);
    public static new Result<T> Invalid(params ValidationError[] errors) => new(ResultStatus.Invalid, default, errors);
    public static new Result<T> Invalid(IEnumerable<ValidationError> errors) => new(ResultStatus.Invalid, default, [.. errors]);
    public static new Result<T> Conflict(string message) => new(ResultStatus.Conflict, default, [new ValidationError(string.Empty, message)]);
}

