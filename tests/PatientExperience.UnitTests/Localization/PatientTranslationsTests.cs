using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PatientExperience.UnitTests.Localization;

/// <summary>
/// Every text a patient can see is a key (the English text) in Web/Resources/SharedResource.{es,zh-Hans}.resx. These
/// tests read the source of the patient-facing views, controllers and emails the way the localizer is called
/// (<c>T["..."]</c>, <c>localizer["..."]</c>, <c>[Display(Name = "...")]</c>), plus the places that hand English keys
/// to the localizer indirectly (status labels, survey answer labels and steps, the default questionnaire, service
/// messages), and check both translation files have them, with the same keys, no empty value and the same {0}
/// placeholders as the English.
/// </summary>
public partial class PatientTranslationsTests
{
    private static readonly string[] Cultures = ["es", "zh-Hans"];

    /// <summary>Patient-facing files whose every localizer key must be translated (paths from src/PatientExperience.Web).</summary>
    private static readonly string[] WebFiles =
    [
        "Views/Shared/_Layout.cshtml", "Views/Shared/_IdleWarning.cshtml", "Views/Shared/Error.cshtml", "Views/Shared/Status.cshtml", "Views/Shared/StillSending.cshtml",
        "Views/Shared/Components/PendingSurveys/Default.cshtml",
        "Views/Home/Index.cshtml", "Views/Home/Privacy.cshtml",
        "Views/Account/Login.cshtml", "Views/Account/Register.cshtml", "Views/Account/RegisterConfirmation.cshtml",
        "Views/Account/ConfirmEmail.cshtml", "Views/Account/ForgotPassword.cshtml", "Views/Account/SetPassword.cshtml",
        "Views/Account/AccessDenied.cshtml",
        "Views/My/Index.cshtml", "Views/MyDetails/Index.cshtml",
        "Views/Appointments/*.cshtml", "Views/Waitlist/*.cshtml", "Views/Survey/*.cshtml", "Views/ComplaintPortal/*.cshtml",
        "Views/Complaints/Letter.cshtml", "Letters/ComplaintLetters.cs", "Views/Complaints/_LetterLayout.cshtml",
        "Controllers/HomeController.cs", "Controllers/AccountController.cs", "Controllers/AppointmentsController.cs",
        "Controllers/MyDetailsController.cs", "Controllers/SurveyController.cs", "Controllers/WaitlistController.cs",
        "Controllers/ComplaintPortalController.cs", "Controllers/SurveyPendingViewComponent.cs", "Controllers/SessionController.cs",
        "Email/*.cs", "Localization/OpeningHoursText.cs",
        "ViewModels/LoginViewModel.cs", "ViewModels/RegisterViewModel.cs", "ViewModels/SetPasswordViewModel.cs", "ViewModels/PatientHomeViewModel.cs",
        "ViewModels/FrontDeskHomeViewModel.cs", "ViewModels/ClinicianHomeViewModel.cs",
        "ViewModels/NoShowConfirmViewModel.cs", "ViewModels/ManagerHomeViewModel.cs", "ViewModels/AdminHomeViewModel.cs",
        "ViewModels/PatientSearchViewModel.cs", "ViewModels/MyDetailsForm.cs", "ViewModels/MyDetailsViewModel.cs", "ViewModels/ErrorPageViewModel.cs",
        "ViewModels/AppointmentListViewModel.cs", "ViewModels/ChooseServiceViewModel.cs", "ViewModels/ChooseClinicianViewModel.cs",
        "ViewModels/ChooseTimeViewModel.cs", "ViewModels/ConfirmBookingViewModel.cs", "ViewModels/CurrentVisit.cs",
        "ViewModels/AppointmentDetailsViewModel.cs", "ViewModels/SlotLinks.cs", "ViewModels/WaitlistForm.cs", "ViewModels/WaitlistPageViewModel.cs",
        "ViewModels/OfferPageViewModel.cs", "ViewModels/CheckInPageViewModel.cs",
    ];

    /// <summary>Service messages a patient can meet on a form (shown through the localizer by AddResultErrors).</summary>
    private static readonly string[] CoreFiles =
    [
        "src/PatientExperience.Core/Patients/PatientDetailsValidator.cs", "src/PatientExperience.Core/Patients/RegisterPatientValidator.cs", "src/PatientExperience.Core/Patients/UpdateMyDetailsValidator.cs",
        "src/PatientExperience.Core/Patients/PatientProfile.cs",
        "src/PatientExperience.Core/Common/ValidationExtensions.cs",
        "src/PatientExperience.Core/Appointments/BookingService.cs", "src/PatientExperience.Core/Appointments/WaitlistService.cs",
        "src/PatientExperience.Core/Surveys/SurveyService.cs", "src/PatientExperience.Infrastructure/Identity/PatientAccountService.cs",
    ];

    [Fact]
    public void EveryPatientFacingKeyIsTranslatedIntoSpanishAndChinese()
    {
        var keys = PatientFacingKeys();
        Assert.True(keys.Count > 300, $"Expected the patient pages to use hundreds of texts; found {keys.Count}. Did the parsing break?");
        foreach (var culture in Cultures)
        {
            var translations = Resx(culture);
            var missing = keys.Where(k => !translations.ContainsKey(k.Key)).Select(k => $"\"{k.Key}\" ({k.Value})").ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} texts have no {culture} translation:\n{string.Join("\n", missing)}");
        }
    }

    [Fact]
    public void SpanishAndChineseHaveTheSameKeysNoEmptyValuesAndTheSamePlaceholders()
    {
        var es = Resx("es");
        var zh = Resx("zh-Hans");
        Assert.Equal(es.Keys.Order(StringComparer.Ordinal), zh.Keys.Order(StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var (culture, table) in new[] { ("es", es), ("zh-Hans", zh) })
        {
            foreach (var (key, value) in table)
            {
                if (string.IsNullOrWhiteSpace(value))
                    problems.Add($"{culture}: \"{key}\" is empty");
                else if (!Placeholders(key).SetEquals(Placeholders(value)))
                    problems.Add($"{culture}: \"{key}\" has placeholders {string.Join(",", Placeholders(value))}, the English {string.Join(",", Placeholders(key))}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Key → the first file that uses it.</summary>
    private static Dictionary<string, string> PatientFacingKeys()
    {
        var root = RepositoryRoot();
        var web = Path.Combine(root, "src", "PatientExperience.Web");
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string file) => keys.TryAdd(key, file);

        foreach (var pattern in WebFiles)
        {
            var dir = Path.Combine(web, Path.GetDirectoryName(pattern)!);
            var files = Directory.GetFiles(dir, Path.GetFileName(pattern));
            Assert.True(files.Length > 0, $"{pattern} matches no file: a file was moved or renamed, so name its new place here.");
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                var name = Path.GetRelativePath(web, file);
                foreach (var key in LocalizerKeys(text))
                    Add(key, name);
                foreach (Match m in DisplayName().Matches(text))
                    Add(Unescape(m.Groups[1].Value), name);
                // Emails pass their subject and first line to a helper that looks them up: Send(notice, "...", "...").
                foreach (Match m in SendKeys().Matches(text))
                {
                    Add(Unescape(m.Groups[1].Value), name);
                    Add(Unescape(m.Groups[2].Value), name);
                }
            }
        }

        // Keys handed to T[...] through a variable.
        var show = File.ReadAllText(Path.Combine(web, "Views/Survey/Show.cshtml"));
        foreach (Match m in TupleLabel().Matches(show))
            Add(m.Groups[1].Value, "Views/Survey/Show.cshtml (answer labels)");
        var surveyModels = File.ReadAllText(Path.Combine(web, "ViewModels/SurveyPageViewModel.cs"));
        foreach (Match m in TupleLabel().Matches(surveyModels))
            Add(m.Groups[1].Value, "ViewModels/SurveyPageViewModel.cs (answer labels)");
        // The standard question sets: every question's wording and the titles of the screens they are on.
        foreach (var template in PatientExperience.Core.Surveys.SurveyTemplates.All)
        {
            foreach (var q in template.Questions)
            {
                Add(q.Text, $"SurveyTemplates ({template.Id})");
                Add(PatientExperience.Core.Surveys.SurveyScreen.Of([q])[0].Title, $"SurveyTemplates ({template.Id}) screens");
            }
        }
        Add(PatientExperience.Core.Surveys.SurveyScreen.AboutVisit, "SurveyScreen");
        Add(PatientExperience.Core.Surveys.SurveyScreen.MoreQuestions, "SurveyScreen");
        foreach (var key in SwitchLabels(File.ReadAllText(Path.Combine(web, "ViewModels/Labels.cs")), "Status", "Channel"))
            Add(key, "ViewModels/Labels.cs");
        foreach (var key in SwitchLabels(File.ReadAllText(Path.Combine(web, "ViewModels/ComplaintText.cs")), "Status(ComplaintStatus", "Event("))
            Add(key, "ViewModels/ComplaintText.cs");

        // The default questionnaire's wording (stored in the database, shown through T[q.Text]).
        var questionnaire = File.ReadAllText(Path.Combine(root, "src/PatientExperience.Core/Surveys/DefaultQuestionnaire.cs"));
        var defaults = questionnaire[questionnaire.IndexOf("class DefaultQuestionnaire", StringComparison.Ordinal)..];
        foreach (Match m in QuestionText().Matches(defaults))
            Add(Unescape(m.Groups[1].Value), "DefaultQuestionnaire");

        foreach (var file in CoreFiles)
        {
            foreach (Match m in ServiceMessage().Matches(File.ReadAllText(Path.Combine(root, file))))
                Add(Unescape(m.Groups[1].Value), file);
        }

        // Timeline lines the patient reads on /my: every TimelineSentence.Of("…") template (each literal of a ?:), the
        // booking lines' constants and the complaint steps the patient sees.
        foreach (var file in Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in SentenceCall().Matches(text))
            {
                foreach (Match literal in Literal().Matches(FirstArgument(text, m.Index + m.Length)))
                    Add(Unescape(literal.Groups[1].Value), Path.GetFileName(file));
            }
        }
        var booking = File.ReadAllText(Path.Combine(root, "src/PatientExperience.Core/Appointments/BookingService.cs"));
        foreach (Match m in LineConstant().Matches(booking))
            Add(m.Groups[1].Value, "BookingService");
        var complaints = File.ReadAllText(Path.Combine(root, "src/PatientExperience.Core/Complaints/ComplaintService.cs"));
        foreach (Match m in ComplaintStep().Matches(complaints))
            Add(m.Groups[1].Value, "ComplaintService.PatientSteps");
        return keys;
    }

    /// <summary>The literal first argument of each T[...] / localizer[...] (every literal in it, for a ?: or switch).</summary>
    private static IEnumerable<string> LocalizerKeys(string text)
    {
        foreach (Match m in LocalizerCall().Matches(text))
        {
            var argument = FirstArgument(text, m.Index + m.Length);
            if (argument.TrimStart().StartsWith('$'))
                continue;
            foreach (Match literal in Literal().Matches(argument))
                yield return Unescape(literal.Groups[1].Value);
        }
    }

    private static string FirstArgument(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                    i++;
                else if (c == '"')
                    inString = false;
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth == 0:
                    return text[start..i];
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    return text[start..i];
            }
        }
        return text[start..];
    }

    /// <summary>The "=> \"...\"" labels of the named switch methods.</summary>
    private static IEnumerable<string> SwitchLabels(string text, params string[] methods)
    {
        foreach (var method in methods)
        {
            var at = text.IndexOf("public static string " + method, StringComparison.Ordinal);
            Assert.True(at >= 0, $"No label method {method}");
            var open = text.IndexOf('{', at);
            var close = text.IndexOf("};", open, StringComparison.Ordinal);
            foreach (Match m in SwitchArm().Matches(text[open..close]))
                yield return m.Groups[1].Value;
        }
    }

    private static Dictionary<string, string> Resx(string culture)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "PatientExperience.Web", "Resources", $"SharedResource.{culture}.resx");
        var entries = XDocument.Load(path).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? string.Empty)).ToList();
        var duplicates = entries.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{culture} has duplicate keys: {string.Join(", ", duplicates)}");
        return entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string Unescape(string literal)
    {
        if (!literal.Contains('\\', StringComparison.Ordinal))
            return literal;
        var sb = new StringBuilder();
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] == '\\' && i + 1 < literal.Length)
            {
                i++;
                sb.Append(literal[i] switch { 'n' => '\n', 't' => '\t', _ => literal[i] });
            }
            else
            {
                sb.Append(literal[i]);
            }
        }
        return sb.ToString();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PatientExperience.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository.");
    }

    [GeneratedRegex(@"\b(?:T|localizer|Localizer|_localizer)\[")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"(?<![$@\w])""((?:[^""\\\n]|\\.)*)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"Display\(Name = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex DisplayName();

    [GeneratedRegex(@"Send\(notice,\s*""((?:[^""\\]|\\.)*)"",\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex SendKeys();

    [GeneratedRegex(@"\(""[^""]*"",\s*""([^""]+)""\)")]
    private static partial Regex TupleLabel();

    [GeneratedRegex(@"Add\(""([^""]+)"",")]
    private static partial Regex StepTitle();

    [GeneratedRegex(@"=>\s*""([^""]+)""")]
    private static partial Regex SwitchArm();

    [GeneratedRegex(@"QuestionType\.\w+,\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex QuestionText();

    [GeneratedRegex(@"(?:WithMessage\(|ValidationError\([^,()]+,\s*|Message:\s*|Conflict\()""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ServiceMessage();

    [GeneratedRegex(@"TimelineSentence\.Of\(")]
    private static partial Regex SentenceCall();

    [GeneratedRegex(@"const string \w+Line = ""([^""]+)""")]
    private static partial Regex LineConstant();

    [GeneratedRegex(@"""(Complaint \{0\}: [^""]+)""")]
    private static partial Regex ComplaintStep();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
