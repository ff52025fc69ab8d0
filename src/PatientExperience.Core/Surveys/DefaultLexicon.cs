namespace PatientExperience.Core.Surveys;

/// <summary>
/// The words the clinic starts with, in English, Spanish and Chinese, written from general patient-experience
/// vocabulary (not from the labelled comments in the tests, which measure them). Managers edit the stored copy at
/// /surveys/lexicon. The Spanish and Chinese lists are in DefaultLexicon.Spanish.cs and DefaultLexicon.Chinese.cs.
/// </summary>
public static partial class DefaultLexicon
{
    public static readonly IReadOnlyDictionary<CommentTheme, string[]> Themes = new Dictionary<CommentTheme, string[]>
    {
        [CommentTheme.Waiting] =
        [
            "wait*", "queue*", "delay*", "late", "running late", "on time", "punctual", "kept waiting", "hour", "hours", "minutes",
            "took ages", "ages", "quick*", "prompt*", "straight in", "seen quickly", "overrun*", "behind schedule",
        ],
        [CommentTheme.StaffAttitude] =
        [
            "rude*", "friendly", "unfriendly", "kind", "kindness", "polite*", "impolite", "courteous", "discourteous", "respect*",
            "disrespect*", "dismissive*", "attitude", "caring", "uncaring", "compassion*", "warm", "welcoming", "patient with",
            "condescending", "arrogant", "helpful", "unhelpful", "receptionist*", "front desk", "reception", "staff", "nurse*",
            "manner", "bedside manner", "empath*", "lovely", "courtesy",
        ],
        [CommentTheme.Communication] =
        [
            "explain*", "listen*", "understand*", "understood", "communicat*", "informed", "information", "told", "tell", "answer*",
            "question*", "clear*", "unclear", "confus*", "jargon", "call back", "called back", "phone call", "letter*", "email*",
            "results", "update*", "no one told", "kept me informed",
        ],
        [CommentTheme.ClinicalCare] =
        [
            "diagnos*", "treatment*", "treated", "examin*", "exam", "prescri*", "medication*", "medicine*", "test", "tests", "scan*",
            "blood", "referr*", "thorough*", "rushed", "doctor*", "clinician*", "dr", "gp", "care", "pain", "symptom*", "follow up",
            "follow-up", "vaccin*", "injection*", "physio*", "therap*", "advice", "checkup", "check up", "procedure*",
        ],
        [CommentTheme.Billing] =
        [
            "bill*", "charge*", "charged", "cost*", "price*", "pay*", "paid", "invoice*", "insurance", "insurer", "copay*", "co-pay*",
            "fee*", "refund*", "money", "expensive", "overcharg*", "statement",
        ],
        [CommentTheme.Cleanliness] =
        [
            "clean*", "dirty", "dirt", "filthy", "spotless", "hygien*", "unhygien*", "tidy", "untidy", "mess*", "smell*", "stain*",
            "dust*", "toilet*", "bathroom*", "restroom*", "sanitiz*", "sanitis*", "litter*", "bins",
        ],
        [CommentTheme.Booking] =
        [
            "book*", "appointment*", "reschedul*", "cancel*", "online", "website", "portal", "phone line", "get through",
            "got through", "on hold", "slot*", "availability", "available", "reminder*", "schedul*",
        ],
        [CommentTheme.Facilities] =
        [
            "parking", "car park", "park", "building", "waiting room", "waiting area", "chair*", "seat*", "seating", "temperature",
            "cold", "hot", "noisy", "noise", "signage", "signs", "sign", "lift", "elevator", "stairs", "access*", "wheelchair",
            "toilets", "cafe", "coffee", "water", "wifi", "lighting", "room", "rooms", "facilit*", "entrance", "ramp",
        ],
    };

    public static readonly string[] Positive =
    [
        "good", "great", "excellent", "brilliant", "fantastic", "amazing", "wonderful", "superb", "outstanding", "perfect", "lovely",
        "kind", "kindness", "friendly", "helpful", "caring", "polite", "courteous", "respectful", "professional", "thorough",
        "efficient", "quick", "quickly", "prompt", "promptly", "on time", "clean", "spotless", "tidy", "comfortable", "easy",
        "clear", "clearly", "reassur*", "thank*", "grateful", "appreciate*", "happy", "pleased", "satisfied", "impressed",
        "recommend", "best", "well organised", "well organized", "smooth*", "calm", "welcoming", "warm", "attentive",
        "listened", "took time", "took the time", "put me at ease", "no wait", "straight in", "nice", "pleasant", "informative",
        "understanding", "compassionate", "gentle", "fast", "simple", "convenient", "love", "loved",
    ];

    public static readonly string[] Negative =
    [
        "bad", "poor", "poorly", "terrible", "awful", "horrible", "dreadful", "worst", "appalling", "disgusting", "unacceptable",
        "rude", "rudely", "rudeness", "unfriendly", "unhelpful", "dismissive", "condescending", "arrogant", "uncaring", "impolite",
        "disrespectful", "ignored", "dirty", "filthy", "smelly", "unhygienic", "untidy", "messy", "late", "delay", "delayed",
        "delays", "waited", "kept waiting", "long wait", "slow", "rushed", "confusing", "confused", "unclear",
        "disappointed", "disappointing", "frustrat*", "annoy*", "angry", "upset", "unhappy", "complain*", "problem*", "mistake*",
        "error*", "wrong", "lost", "overcharg*", "expensive", "difficult", "impossible", "hard to",
        "cold", "noisy", "uncomfortable", "broken", "cancelled", "canceled", "worse", "useless", "incompetent", "chaotic",
        "disorganised", "disorganized", "stressful", "painful", "hurt", "waste", "forgot", "forgotten", "no answer", "on hold",
    ];

    public static readonly string[] Negators =
    [
        "not", "no", "never", "none", "nothing", "nobody", "hardly", "barely", "without", "neither", "nor", "cannot", "cant",
        "dont", "didnt", "wasnt", "isnt", "werent", "wouldnt", "couldnt", "lack", "lacked", "lacking",
    ];

    public static readonly string[] Intensifiers =
    [
        "very", "really", "so", "extremely", "incredibly", "totally", "absolutely", "truly", "utterly", "most", "too",
        "super", "especially", "exceptionally",
    ];

    /// <summary>Every default word of every language.</summary>
    public static IEnumerable<LexiconEntry> Entries() => CommentLanguage.All.SelectMany(Entries);

    /// <summary>The default words of one language (en, es or zh-Hans).</summary>
    public static IEnumerable<LexiconEntry> Entries(string language)
    {
        var (themes, positive, negative, negators, intensifiers) = language switch
        {
            CommentLanguage.Spanish => (SpanishThemes, SpanishPositive, SpanishNegative, SpanishNegators, SpanishIntensifiers),
            CommentLanguage.Chinese => (ChineseThemes, ChinesePositive, ChineseNegative, ChineseNegators, ChineseIntensifiers),
            _ => (Themes, Positive, Negative, Negators, Intensifiers),
        };
        foreach (var (theme, terms) in themes)
        {
            foreach (var term in terms)
                yield return new LexiconEntry(LexiconKind.Theme, theme, term, language);
        }
        foreach (var term in positive)
            yield return new LexiconEntry(LexiconKind.Positive, null, term, language);
        foreach (var term in negative)
            yield return new LexiconEntry(LexiconKind.Negative, null, term, language);
        foreach (var term in negators)
            yield return new LexiconEntry(LexiconKind.Negator, null, term, language);
        foreach (var term in intensifiers)
            yield return new LexiconEntry(LexiconKind.Intensifier, null, term, language);
    }
}
