using FluentValidation;
using Microsoft.AspNetCore.Identity;
using PatientExperience.Core.Email;
using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Identity;

public sealed partial class StaffAccountService(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    IEmailOutbox outbox,
    IEmailComposer emails,
    IValidator<SaveStaffMember> validator,
    ILogger<StaffAccountService> logger)
{
    public async Task<IReadOnlyList<StaffListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.AsNoTracking()
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.UserId, s.FirstName, s.LastName, s.Email, s.JobTitle, Department = s.Department!.Name, s.IsClinician, s.IsActive })
            .ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. staff.Select(s => new StaffListItem(s.Id, $"{s.FirstName} {s.LastName}", s.Email, s.JobTitle, s.Department, s.IsClinician, s.IsActive,
            [.. byUser[s.UserId].Order()]))];
    }

    public async Task<(StaffMember Member, IReadOnlyList<string> Roles)?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (member is null)
            return null;
        var user = await users.FindByIdAsync(member.UserId);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        return (member, [.. roles]);
    }

    /// <summary>Creates the login (no password yet), the staff record and the invitation email, in one transaction.</summary>
    public async Task<Result<int>> CreateAsync(SaveStaffMember request, IAccountLinks links, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
            return Result<int>.Invalid(validation.ToErrors());
        var departmentError = await CheckDepartmentAsync(request.DepartmentId, cancellationToken);
        if (departmentError is not null)
            return Result<int>.Invalid(departmentError);

        var email = request.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return Result<int>.Invalid(new ValidationError(nameof(SaveStaffMember.Email), "Someone already uses this email address. Use another one."));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return Result<int>.Invalid(created.Errors.Select(e => new ValidationError(nameof(SaveStaffMember.Email), e.Description)));
        await users.AddToRolesAsync(user, request.Roles);

        var member = new StaffMember(user.Id, request.FirstName!, request.LastName!, email, request.JobTitle!, request.DepartmentId, request.IsClinician);
        db.StaffMembers.Add(member);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var message = emails.StaffInvitation(member.FirstName, links.SetPassword(user.Id, token));
        outbox.Enqueue(EmailPriority.Transactional, email, message.Subject, message.TextBody, message.HtmlBody);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogCreated(member.Id);
        return Result<int>.Success(member.Id);
    }

    public async Task<Result> UpdateAsync(int id, SaveStaffMember request, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (member is null)
            return Result.NotFound();
        // The email is the login and cannot be changed here; validate with the stored one.
        request = request with { Email = member.Email };
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
            return Result.Invalid(validation.ToErrors());
        var departmentError = await CheckDepartmentAsync(request.DepartmentId, cancellationToken);
        if (departmentError is not null)
            return Result.Invalid(departmentError);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(member.UserId);
        if (user is null)
            return Result.NotFound();
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(request.Roles));
        await users.AddToRolesAsync(user, request.Roles.Except(current));
        member.Update(request.FirstName!, request.LastName!, request.JobTitle!, request.DepartmentId, request.IsClinician);
        await db.SaveChangesAsync(cancellationToken);
        // New roles take effect at the next request, not the next sign-in.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        LogUpdated(member.Id);
        return Result.Success();
    }

    /// <summary>Blocks sign-in at once (and ends open sessions) but keeps the record and its history.</summary>
    public async Task<Result> SetActiveAsync(int id, bool active, string? actingUserId, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (member is null)
            return Result.NotFound();
        if (!active && member.UserId == actingUserId)
            return Result.Invalid(new ValidationError(string.Empty, "You cannot deactivate your own account."));
        var user = await users.FindByIdAsync(member.UserId);
        if (user is null)
            return Result.NotFound();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        member.SetActive(active);
        if (active)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
        else
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }
        await users.UpdateSecurityStampAsync(user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogActiveChanged(member.Id, active);
        return Result.Success();
    }

    public async Task<Result> SetPasswordAsync(string? userId, string? token, string? password)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token))
            return Result.NotFound();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return Result.NotFound();
        if (string.IsNullOrEmpty(password) || password.Length < SchemaLimits.PasswordMinLength)
            return Result.Invalid(new ValidationError("Password", $"Use at least {SchemaLimits.PasswordMinLength} characters for your password."));
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            var invalidToken = reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            return invalidToken
                ? Result.Invalid(new ValidationError(string.Empty, "This link is not valid any more. Ask for a new one from the sign-in page, or call us."))
                : Result.Invalid(reset.Errors.Select(e => new ValidationError("Password", e.Description)));
        }
        return Result.Success();
    }

    /// <summary>
    /// Emails a reset link if the address has a confirmed account; says nothing either way, so the
    /// form does not reveal who is registered.
    /// </summary>
    public async Task RequestPasswordResetAsync(string? email, IAccountLinks links, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
            return;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.EmailConfirmed || user.Email is null)
            return;
        var language = await db.Patients.Where(p => p.UserId == user.Id).Select(p => p.PreferredLanguage).FirstOrDefaultAsync(cancellationToken)
            ?? Core.Common.SupportedLanguages.Default;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var message = emails.PasswordReset(language, links.SetPassword(user.Id, token));
        outbox.Enqueue(EmailPriority.Transactional, user.Email, message.Subject, message.TextBody, message.HtmlBody);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ValidationError?> CheckDepartmentAsync(int? departmentId, CancellationToken cancellationToken) =>
        departmentId is null || await db.Departments.AnyAsync(d => d.Id == departmentId && d.IsActive, cancellationToken)
            ? null
            : new ValidationError(nameof(SaveStaffMember.DepartmentId), "Choose a department from the list.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {StaffMemberId} created")]
    private partial void LogCreated(int staffMemberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {StaffMemberId} updated")]
    private partial void LogUpdated(int staffMemberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {StaffMemberId} active set to {Active}")]
    private partial void LogActiveChanged(int staffMemberId, bool active);
}
