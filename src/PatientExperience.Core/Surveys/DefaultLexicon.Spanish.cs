namespace PatientExperience.Core.Surveys;

/// <summary>The Spanish default words. Accents may be written or not: comments are matched without them.</summary>
public static partial class DefaultLexicon
{
    public static readonly IReadOnlyDictionary<CommentTheme, string[]> SpanishThemes = new Dictionary<CommentTheme, string[]>
    {
        [CommentTheme.Waiting] =
        [
            "esper*", "demor*", "retras*", "llegó tarde", "empezó tarde", "atendieron tarde", "a tiempo", "puntual*", "cola",
            "fila", "hora", "horas", "minutos", "rápid*", "enseguida", "tardaron", "tardó", "tardan*", "al instante",
            "sin esperar", "de inmediato", "inmediatamente",
        ],
        [CommentTheme.StaffAttitude] =
        [
            "grosero*", "grosera*", "grosería", "maleducad*", "mal educad*", "amable*", "amabilidad", "simpátic*", "antipátic*",
            "trato", "respet*", "irrespetuos*", "cortés", "descortés", "atento", "atenta", "atentos", "atentas", "cariños*",
            "cálid*", "recepcionista*", "recepción", "personal", "enfermer*", "actitud", "prepotente*", "despectiv*",
            "indiferente*", "empatía", "empátic*", "me ignor*", "ignoraron", "educad*", "gritó", "gritaron", "sonrisa",
            "borde", "bordes", "mal humor", "secretaria*", "administrativ*", "equipo", "me trataron", "nos trataron", "me habló", "brusc*",
        ],
        [CommentTheme.Communication] =
        [
            "explic*", "escuch*", "entend*", "comunica*", "inform*", "dijeron", "me dijo", "nadie me dijo", "avis*",
            "respuesta*", "respond*", "pregunt*", "claro", "clara", "claramente", "claridad", "confus*", "llamad*",
            "devolvieron la llamada", "correo*", "carta*", "resultados", "aclar*", "tecnicismos", "dudas",
        ],
        [CommentTheme.ClinicalCare] =
        [
            "diagnóstic*", "tratamiento*", "examen*", "exploración", "revis*", "receta*", "medicament*", "medicina*",
            "prueba*", "análisis", "sangre", "radiografía*", "ecografía*", "derivación", "doctor*", "doctora*", "médico*",
            "médica*", "dr", "dra", "atención médica", "dolor*", "síntoma*", "seguimiento", "vacuna*", "inyección*",
            "fisioterap*", "terapia*", "consejo*", "consulta", "procedimiento*", "herida*", "minucios*", "a fondo",
            "con prisa", "me curaron", "chequeo", "pediatra*", "dentista*", "cirug*", "operación", "cuidad*",
        ],
        [CommentTheme.Billing] =
        [
            "factura*", "cobr*", "cost*", "precio*", "pagar", "pagué", "pago", "pagos", "seguro médico", "aseguradora",
            "copago*", "tarifa*", "reembolso*", "dinero", "caro", "carísim*", "cuenta de", "dólares", "euros", "presupuesto",
        ],
        [CommentTheme.Cleanliness] =
        [
            "limpi*", "sucio*", "sucia*", "suciedad", "mugr*", "higiene", "higiénic*", "antihigiénic*", "desorden*", "olor*",
            "huele*", "olía", "mancha*", "polvo", "baño", "baños", "aseo*", "papelera*", "basura", "jabón", "desinfect*",
        ],
        [CommentTheme.Booking] =
        [
            "cita*", "reserv*", "agend*", "programar", "reprogram*", "cancel*", "en línea", "online", "página web", "web",
            "portal", "por teléfono", "línea telefónica", "contestan", "contestaron", "contesta", "recordatorio*",
            "disponibilidad", "disponible*", "hueco*", "turno*", "pedir hora", "conseguir hora",
        ],
        [CommentTheme.Facilities] =
        [
            "estacionamiento", "aparcamiento", "aparcar", "estacionar", "parking", "edificio", "sala de espera", "silla*",
            "asiento*", "temperatura", "frío", "calor", "ruido*", "ruidos*", "señal*", "letrero*", "ascensor", "elevador",
            "escalera*", "acceso*", "silla de ruedas", "cafetería", "café", "agua", "wifi", "iluminación", "instalaciones",
            "entrada", "rampa", "consultorio*", "aire acondicionado", "calefacción",
        ],
    };

    public static readonly string[] SpanishPositive =
    [
        "bien", "bueno", "buena", "buenos", "buenas", "excelente*", "genial", "fantástic*", "maravillos*", "estupend*",
        "perfect*", "magnífic*", "amable*", "amabilidad", "simpátic*", "atento", "atenta", "atentos", "atentas", "cariños*",
        "profesional*", "eficiente*", "eficacia", "rápid*", "rapidez", "puntual*", "a tiempo", "enseguida", "limpio", "limpia",
        "limpios", "limpias", "impecable*", "cómod*", "fácil*", "claro", "clara", "claramente", "tranquil*", "gracias",
        "agradecid*", "agradec*", "content*", "satisfech*", "feliz", "recomiend*", "recomendar*", "el mejor", "la mejor",
        "los mejores", "las mejores", "bien organizad*", "cálid*", "paciencia", "encantad*", "agradable*", "sencill*",
        "comprensiv*", "gentil*", "me escuchó", "me escucharon", "se tomó su tiempo", "sin esperar", "de maravilla",
        "tranquilidad", "confianza", "humano", "humana", "dedicación", "me sentí segur*",
        "útil", "útiles", "funcionó", "funciona", "funcionaba", "funcionan", "gust*", "explic*", "entend*", "un amor", "bien cuidad*", "me trataron bien", "cuidad*",
    ];

    public static readonly string[] SpanishNegative =
    [
        "mal", "malo", "mala", "malos", "malas", "pésim*", "terrible*", "horrible*", "fatal", "espantos*", "asquero*",
        "inaceptable*", "vergonzos*", "vergüenza", "grosero*", "grosera*", "grosería", "maleducad*", "mal educad*", "antipátic*",
        "prepotente*", "despectiv*", "indiferente*", "me ignor*", "ignoraron", "sucio*", "sucia*", "suciedad", "mugr*",
        "antihigiénic*", "desorden*", "mal olor", "retraso*", "retrasad*", "demora*", "llegó tarde", "empezó tarde",
        "mucho tiempo", "larga espera", "hicieron esperar", "lento", "lenta", "lentos", "lentitud", "con prisa", "prisas",
        "apurad*", "confus*", "decepcion*", "frustra*", "molest*", "enfad*", "enoj*", "indign*", "triste*", "queja*",
        "problema*", "error*", "equivoc*", "perdier*", "perdid*", "cobraron de más", "cobro de más", "caro", "carísim*",
        "difícil*", "imposible*", "frío", "ruido*", "incómod*", "roto", "rota", "rotos", "rotas", "cancelaron", "peor",
        "inútil*", "incompetent*", "caos", "caótic*", "desorganizad*", "estresante", "doloros*", "me dolió",
        "pérdida de tiempo", "olvidaron", "se olvidó", "se olvidaron", "nadie contesta", "nadie me", "gritó", "gritaron",
        "borde", "bordes", "mal humor", "desastre", "nefast*", "deficiente*", "abandonad*", "ridícul*",
        "esperé", "esperamos", "esperando", "tuve que esperar", "eterna", "eterno", "perdí", "brusc*", "daño", "helad*", "fría", "fríos", "frías", "más caro", "más cara",
    ];

    public static readonly string[] SpanishNegators =
    [
        "no", "nunca", "jamás", "nada", "nadie", "ningún", "ninguno", "ninguna", "ni", "sin", "tampoco", "apenas", "falta",
        "faltó", "faltaba",
    ];

    public static readonly string[] SpanishIntensifiers =
    [
        "muy", "mucho", "muchísimo", "demasiado", "súper", "super", "tan", "bastante", "extremadamente", "totalmente",
        "realmente", "absolutamente", "sumamente", "increíblemente", "especialmente", "tremendamente",
    ];
}
