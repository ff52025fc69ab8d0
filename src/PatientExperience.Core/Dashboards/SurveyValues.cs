namespace PatientExperience.Core.Dashboards;

/// <summary>How an answer and the wait band of its visit share one histogram value.</summary>
public static class SurveyValues
{
    /// <summary>Answers are 0..10, so band × 100 + answer keeps both.</summary>
    public const int BandFactor = 100;

    /// <summary>Band 0 = wait unknown (not seen, times missing); 1..4 = <see cref="WaitTimes.Bands"/> in order.</summary>
    public static int Band(int? waitMinutes)
    {
        if (waitMinutes is not { } wait)
            return 0;
        for (var i = 0; i < WaitTimes.Bands.Count; i++)
        {
            if (wait >= WaitTimes.Bands[i].From && wait < WaitTimes.Bands[i].To)
                return i + 1;
        }
        return WaitTimes.Bands.Count;
    }

    public static int Encode(int value, int band) => (band * BandFactor) + value;

    public static (int Value, int Band) Decode(int encoded) => (encoded % BandFactor, encoded / BandFactor);

    /// <summary>The answers alone (every band together).</summary>
    public static Histogram Answers(Histogram encoded)
    {
        var answers = new Histogram();
        foreach (var (value, count) in encoded.Entries())
            answers.Add(value % BandFactor, count);
        return answers;
    }

    /// <summary>The answers of visits in one band.</summary>
    public static Histogram AnswersInBand(Histogram encoded, int band)
    {
        var answers = new Histogram();
        foreach (var (value, count) in encoded.Entries())
        {
            if (value / BandFactor == band)
                answers.Add(value % BandFactor, count);
        }
        return answers;
    }
}
