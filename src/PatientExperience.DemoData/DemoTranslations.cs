using PatientExperience.Core.Localization;

namespace PatientExperience.DemoData;

/// <summary>
/// The demo clinic's names and texts in Spanish and Chinese, as its admin would have entered them at
/// /admin/translations: every department, service, job title, the directions and what to bring.
/// </summary>
internal static class DemoTranslations
{
    private static readonly (string English, string Spanish, string Chinese)[] Texts =
    [
        ("Family Medicine", "Medicina familiar", "家庭医学科"),
        ("Cardiology", "Cardiología", "心脏科"),
        ("Dermatology", "Dermatología", "皮肤科"),
        ("Orthopedics", "Ortopedia", "骨科"),
        ("Pediatrics", "Pediatría", "儿科"),
        ("Women's Health", "Salud de la mujer", "妇女保健科"),
        ("Physiotherapy", "Fisioterapia", "物理治疗科"),

        ("New patient consultation", "Consulta de paciente nuevo", "新患者咨询"),
        ("Follow-up appointment", "Cita de seguimiento", "复诊"),
        ("Annual physical", "Examen físico anual", "年度体检"),
        ("Vaccination", "Vacunación", "疫苗接种"),
        ("Long-term condition review", "Revisión de enfermedad crónica", "慢性病复查"),
        ("Cardiology consultation", "Consulta de cardiología", "心脏科咨询"),
        ("ECG", "Electrocardiograma", "心电图"),
        ("Echocardiogram", "Ecocardiograma", "超声心动图"),
        ("Blood pressure review", "Control de la presión arterial", "血压复查"),
        ("Skin check", "Revisión de la piel", "皮肤检查"),
        ("Dermatology consultation", "Consulta de dermatología", "皮肤科咨询"),
        ("Minor skin procedure", "Procedimiento menor de la piel", "皮肤小手术"),
        ("Orthopedic consultation", "Consulta de ortopedia", "骨科咨询"),
        ("Fracture clinic follow-up", "Seguimiento de fractura", "骨折复查"),
        ("Joint injection", "Inyección en la articulación", "关节注射"),
        ("Well-child check", "Revisión del niño sano", "儿童健康检查"),
        ("Childhood immunizations", "Vacunas infantiles", "儿童免疫接种"),
        ("Pediatric consultation", "Consulta de pediatría", "儿科咨询"),
        ("Cervical screening", "Citología cervical", "宫颈筛查"),
        ("Contraception consultation", "Consulta de anticoncepción", "避孕咨询"),
        ("Antenatal appointment", "Control prenatal", "产前检查"),
        ("Menopause consultation", "Consulta de menopausia", "更年期咨询"),
        ("Physiotherapy assessment", "Evaluación de fisioterapia", "物理治疗评估"),
        ("Physiotherapy follow-up", "Sesión de fisioterapia", "物理治疗复诊"),
        ("Sports injury rehabilitation", "Rehabilitación de lesiones deportivas", "运动损伤康复"),

        ("Family physician", "Médico de familia", "家庭医生"),
        ("Nurse practitioner", "Enfermera practicante", "执业护士"),
        ("Cardiologist", "Cardiólogo", "心脏科医生"),
        ("Cardiac nurse specialist", "Enfermera especialista en cardiología", "心脏专科护士"),
        ("Dermatologist", "Dermatólogo", "皮肤科医生"),
        ("Dermatology nurse practitioner", "Enfermera practicante de dermatología", "皮肤科执业护士"),
        ("Orthopedic surgeon", "Cirujano ortopédico", "骨科医生"),
        ("Sports medicine physician", "Médico de medicina deportiva", "运动医学医生"),
        ("Pediatrician", "Pediatra", "儿科医生"),
        ("Pediatric nurse practitioner", "Enfermera practicante de pediatría", "儿科执业护士"),
        ("Obstetrician-gynecologist", "Ginecólogo obstetra", "妇产科医生"),
        ("Midwife", "Partera", "助产士"),
        ("Physiotherapist", "Fisioterapeuta", "物理治疗师"),
        ("Receptionist", "Recepcionista", "前台接待员"),
        ("Practice manager", "Gerente de la clínica", "诊所经理"),
        ("System administrator", "Administrador del sistema", "系统管理员"),

        (Directions,
            "Entrada principal por Riverside Drive y luego los ascensores a la izquierda. El autobús M5 para en la puerta; hay estacionamiento de pago en West 112th Street.",
            "从 Riverside Drive 的正门进入，然后乘坐左侧的电梯。M5 路公交车在门口停靠；West 112th Street 有收费停车场。"),
        (ChicagoDirections,
            "Entrada por West Adams Street, en la planta baja. Las líneas del metro Blue y Brown paran a una cuadra.",
            "从 West Adams Street 入口进入，在一楼。地铁蓝线和棕线在一个街区外停靠。"),
        ("Chicago Loop Clinic", "Clínica Chicago Loop", "芝加哥卢普诊所"),
        (WhatToBring,
            "Su tarjeta del seguro, una identificación con foto y una lista de los medicamentos que toma.",
            "您的保险卡、带照片的身份证件，以及您正在服用的药物清单。"),
    ];

    public const string Directions = "Main entrance on Riverside Drive, then the elevators on the left. Bus M5 stops outside; paid parking on West 112th Street.";
    public const string ChicagoDirections = "Entrance on West Adams Street, on the ground floor. The Blue and Brown Line trains stop one block away.";
    public const string WhatToBring = "Your insurance card, a photo ID and a list of the medicines you take.";

    public static IEnumerable<NameTranslation> All(DateTime nowUtc)
    {
        foreach (var (english, spanish, chinese) in Texts)
        {
            var es = new NameTranslation(english, "es", spanish);
            es.Touch(nowUtc);
            yield return es;
            var zh = new NameTranslation(english, "zh-Hans", chinese);
            zh.Touch(nowUtc);
            yield return zh;
        }
    }
}
