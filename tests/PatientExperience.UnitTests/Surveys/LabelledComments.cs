using PatientExperience.Core.Surveys;
using static PatientExperience.Core.Surveys.CommentTheme;

namespace PatientExperience.UnitTests.Surveys;

/// <summary>
/// Realistic patient comments labelled by hand (themes and sentiment), written for this test and kept apart
/// from <see cref="DefaultLexicon"/>: the lexicon was written first and is not tuned to these sentences.
/// </summary>
public static class LabelledComments
{
    public sealed record Labelled(string Text, CommentTheme[] Themes, Sentiment Sentiment);

    private static Labelled P(string text, params CommentTheme[] themes) => new(text, themes, Sentiment.Positive);
    private static Labelled N(string text, params CommentTheme[] themes) => new(text, themes, Sentiment.Negative);
    private static Labelled O(string text, params CommentTheme[] themes) => new(text, themes, Sentiment.Neutral);

    public static readonly IReadOnlyList<Labelled> All =
    [
        P("Dr Patel was very thorough and explained my results in plain English.", ClinicalCare, Communication),
        N("Waited 50 minutes past my appointment time with no explanation.", Waiting, Communication),
        P("The nurse who took my blood was so gentle, I barely felt it.", StaffAttitude, ClinicalCare),
        N("The receptionist was rude when I asked how much longer it would be.", StaffAttitude, Waiting),
        N("The toilets were dirty and there was no soap.", Cleanliness, Facilities),
        N("I was charged twice for the same visit and nobody has sorted it out.", Billing),
        N("Trying to book online was a nightmare, the website kept crashing.", Booking),
        P("Parking was easy and the building was easy to find.", Facilities),
        P("Everything went smoothly, in and out in twenty minutes.", Waiting),
        N("The doctor seemed rushed and didn't really listen to me.", ClinicalCare, Communication),
        P("Very clean clinic, spotless waiting room.", Cleanliness, Facilities),
        N("I had to call four times before I got through to book.", Booking),
        P("Lovely front desk staff, they made my mum feel welcome.", StaffAttitude),
        N("My bill was much higher than the estimate I was given.", Billing, Communication),
        N("Nobody told me the clinic had moved to the second floor, signs were missing.", Facilities, Communication),
        O("I came for a blood pressure check.", ClinicalCare),
        P("Seen on time, which never happens at other places.", Waiting),
        N("The waiting room was freezing cold and the chairs were broken.", Facilities),
        P("The doctor took the time to answer all my questions.", Communication, ClinicalCare),
        N("Staff were chatting among themselves and ignored me at the desk.", StaffAttitude),
        P("Booking through the portal was quick and simple.", Booking),
        N("Long wait, over an hour, with a sick toddler.", Waiting),
        P("Thank you to the whole team, I felt cared for.", StaffAttitude),
        N("Not impressed. The exam lasted five minutes and I left with more questions than answers.", ClinicalCare, Communication),
        P("Clear instructions before the procedure, no surprises.", Communication, ClinicalCare),
        N("Insurance paperwork was a mess and the billing office never called back.", Billing, Communication),
        N("The floor in the exam room had stains and the bin was overflowing.", Cleanliness),
        P("My physiotherapist was brilliant, my back is so much better.", ClinicalCare),
        N("They cancelled my appointment the night before by text, very frustrating.", Booking),
        O("Could you add more evening appointments?", Booking),
        P("The receptionist was patient with my dad, who is hard of hearing.", StaffAttitude),
        N("I was not told how to get my test results.", Communication, ClinicalCare),
        P("Nice and tidy, smelled clean.", Cleanliness),
        N("Waiting area was noisy and crowded, nowhere to sit.", Facilities),
        P("The doctor was kind and reassuring about my scan.", StaffAttitude, ClinicalCare),
        N("Very disappointed with the attitude of the nurse.", StaffAttitude),
        P("Easy to reschedule online when my plans changed.", Booking),
        N("The copay was not explained and I got a surprise invoice.", Billing, Communication),
        P("Great experience overall, would recommend.", []),
        N("Terrible. Will not be coming back.", []),
        O("It was fine.", []),
        O("Nothing to add.", []),
        P("Short wait and a friendly doctor.", Waiting, StaffAttitude),
        N("The lift was out of order and I use a wheelchair.", Facilities),
        P("The clinician listened carefully and didn't rush me.", Communication, ClinicalCare),
        N("My prescription was wrong and I had to come back.", ClinicalCare),
        P("Reception were polite and efficient.", StaffAttitude),
        N("There were no free slots for three weeks.", Booking),
        N("Bathroom was filthy.", Cleanliness, Facilities),
        P("Clear bill, no hidden fees, paid in a minute.", Billing),
        N("The doctor spoke to me like I was stupid.", StaffAttitude, Communication),
        P("I was in and out quickly, appointment started early.", Waiting),
        N("I waited on hold for 40 minutes to change my appointment.", Booking, Waiting),
        P("The nurse explained every step of the injection, very professional.", Communication, ClinicalCare, StaffAttitude),
        O("I was seen by a different doctor than usual.", ClinicalCare),
        N("Not clean at all, dust everywhere.", Cleanliness),
        P("Hand sanitiser everywhere and spotless toilets, felt safe.", Cleanliness, Facilities),
        N("The car park is too small, I was late because I couldn't find a space.", Facilities, Waiting),
        P("Helpful staff who sorted out my insurance question on the spot.", StaffAttitude, Billing),
        N("The diagnosis was wrong and nobody followed up.", ClinicalCare, Communication),
        P("Not a long wait at all.", Waiting),
        N("Staff weren't friendly today.", StaffAttitude),
        P("Wasn't expecting much but the doctor was excellent.", ClinicalCare),
        N("The reminder email had the wrong time on it.", Booking, Communication),
        P("Good advice about my diet and medication.", ClinicalCare),
        N("Couldn't understand what the doctor was saying, too much jargon.", Communication, ClinicalCare),
        P("Comfortable waiting area with water and wifi.", Facilities),
        N("I was overcharged and it took weeks to get a refund.", Billing),
        P("The online booking showed lots of available times.", Booking),
        N("The paediatric nurse was dismissive of my concerns.", StaffAttitude, ClinicalCare),
        O("I would like a copy of my letter by email.", Communication),
        P("Everyone was warm and welcoming from the moment I walked in.", StaffAttitude),
        N("Doctor was running late and the clinic was chaotic.", Waiting),
        P("Excellent care from start to finish.", ClinicalCare),
        N("Hard to find the entrance, no signs from the street.", Facilities),
        P("Receptionist called me back the same day with my results.", Communication, StaffAttitude),
        N("The waiting room smelled awful.", Cleanliness, Facilities),
        P("Really appreciated the text reminder the day before.", Booking),
        N("Rude and unhelpful on the phone when I tried to book.", StaffAttitude, Booking),
        P("Prompt, courteous and thorough.", Waiting, StaffAttitude, ClinicalCare),
        N("The price of the visit was not what I was quoted.", Billing),
        O("I parked across the street.", Facilities),
        P("No problems at all, everything was great.", []),
        N("I felt ignored and my pain was not taken seriously.", ClinicalCare, StaffAttitude),
        P("The doctor's explanation of my ECG was really clear.", Communication, ClinicalCare),
        N("Sat in the exam room for half an hour before anyone came.", Waiting),
        P("Clean, modern building with good access for my wheelchair.", Cleanliness, Facilities),
        N("Appointment system is confusing and I booked the wrong service.", Booking, Communication),
    ];
}
