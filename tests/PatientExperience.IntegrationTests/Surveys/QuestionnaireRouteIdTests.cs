using System.Net;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>
/// The questionnaire in the address is the one saved, whatever the form says; one that does not exist is a 404 page,
/// an empty name a message beside the field (issue 15: both were a NullReferenceException).
/// </summary>
public class QuestionnaireRouteIdTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task SavingAQuestionnaireThatDoesNotExistIsANotFoundPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = await ManagerAsync(ct);
        var index = await manager.GetPageAsync("/questionnaires", ct);
        foreach (var name in new[] { "", "A name" })
        {
            using var response = await manager.PostWithTokenAsync(index, "/questionnaires/987654", [new("Settings.Name", name), new("Settings.IsActive", "true")], ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await Browser.ReadAsync(response, ct)).MainText()));
        }
        Assert.False(await factory.WithDbAsync(db => db.Questionnaires.AnyAsync(q => q.Id == 987654, ct)));
    }

    [Fact]
    public async Task AnIdInTheFormNeverOverridesTheAddress()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = await ManagerAsync(ct);
        var id = await factory.WithDbAsync(db => db.Questionnaires.Where(q => q.Name == DefaultQuestionnaire.Name).Select(q => q.Id).SingleAsync(ct));
        using (var created = await manager.SubmitAsync("/questionnaires", "/questionnaires", [new("New.Name", "Other questionnaire")], ct))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var other = await factory.WithDbAsync(db => db.Questionnaires.Where(q => q.Name == "Other questionnaire").Select(q => q.Id).SingleAsync(ct));
        var edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);

        // An empty name, with an id in the form for a questionnaire that does not exist: the message beside the field.
        using (var empty = await manager.SubmitAsync(edit, $"/questionnaires/{id}", [new("Settings.Name", ""), new("id", "987654")], ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
            Assert.Contains("Enter a name", (await Browser.ReadAsync(empty, ct)).FieldError("Settings.Name"));
        }

        // A good name, with another questionnaire's id in the form: the one in the address is renamed, the other is not.
        using (var saved = await manager.SubmitAsync(edit, $"/questionnaires/{id}", [new("Settings.Name", "Renamed by address"), new("id", other.ToString(System.Globalization.CultureInfo.InvariantCulture))], ct))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var names = await factory.WithDbAsync(db => db.Questionnaires.Where(q => q.Id == id || q.Id == other).ToDictionaryAsync(q => q.Id, q => q.Name, ct));
        Assert.Equal("Renamed by address", names[id]);
        Assert.Equal("Other questionnaire", names[other]);
        using (var back = await manager.SubmitAsync($"/questionnaires/{id}", $"/questionnaires/{id}", [new("Settings.Name", DefaultQuestionnaire.Name)], ct))
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);

        // The draft and publish forms too: a missing questionnaire in the form changes nothing about the address's.
        using (var draft = await manager.SubmitAsync($"/questionnaires/{id}", $"/questionnaires/{id}/questions", [new("id", "987654")], ct))
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
    }

    /// <summary>The class, not the instance: no action anywhere reads a route parameter of its address from the form or query.</summary>
    [Fact]
    public void EveryRouteParameterIsBoundFromTheRouteOnly()
    {
        var offenders = new List<string>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { AttributeRouteInfo: not null } action)
                continue;
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in action.Parameters.Where(p => routeNames.Contains(p.Name)))
            {
                if (parameter.BindingInfo?.BindingSource != BindingSource.Path)
                    offenders.Add($"{endpoint.RoutePattern.RawText}: {parameter.Name} ({parameter.BindingInfo?.BindingSource?.Id ?? "any source"})");
            }
        }
        Assert.True(offenders.Count == 0, "Route parameters a form field could override:\n" + string.Join("\n", offenders.Distinct()));
    }

    private async Task<Browser> ManagerAsync(CancellationToken ct)
    {
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        return manager;
    }
}
