using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.UnitTests.Identity;

public class CommonPasswordValidatorTests
{
    private static async Task<bool> AcceptsAsync(string password, string email = "rosa.lindqvist@example.com") =>
        (await new CommonPasswordValidator().ValidateAsync(null!, new ApplicationUser { Email = email }, password)).Succeeded;

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("qwertyuiopas")]
    [InlineData("123456789012")]
    [InlineData("abcdefghijkl")]
    [InlineData("987654321098")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab")]
    public async Task RefusesPasswordsAttackersTryFirst(string password) => Assert.False(await AcceptsAsync(password));

    [Fact]
    public async Task RefusesAPasswordBuiltOnTheOwnEmailName() => Assert.False(await AcceptsAsync("rosa.lindqvist2026"));

    [Theory]
    [InlineData("a long enough password")]
    [InlineData("counter coffee at nine")]
    [InlineData("Demo!Passw0rd2026")]
    public async Task AcceptsOrdinaryLongPasswords(string password) => Assert.True(await AcceptsAsync(password));
}
