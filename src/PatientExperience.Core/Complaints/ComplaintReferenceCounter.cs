namespace PatientExperience.Core.Complaints;

/// <summary>The next reference number of one year, taken by an atomic UPDATE inside the intake transaction.</summary>
public class ComplaintReferenceCounter
{
    private ComplaintReferenceCounter() { }

    public ComplaintReferenceCounter(int year, int last)
    {
        Year = year;
        LastNumber = last;
    }

    public int Year { get; private set; }
    public int LastNumber { get; private set; }

    public static string Format(int year, int number) => $"CMP-{year:D4}-{number:D6}";
}
