package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ratefloat.decision.Band;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.Value;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.Finding;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Claim;
import org.ratefloat.model.ClassCodes;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.PriorFacts;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.SafetyStandardisation;
import org.ratefloat.model.Status;

/**
 * No method of the exported API accepts {@code null} (the README: "No method accepts or returns
 * {@code null}"): every public constructor and method of {@code org.ratefloat}, {@code error},
 * {@code model} and {@code decision} is called, by reflection, with {@code null} for each of its
 * reference parameters in turn and valid values for the others, and must throw a
 * {@link NullPointerException} that names the parameter (or, for a builder's setter, what it sets).
 * Exempt are {@code equals(Object)}, which answers false for null by its contract, and the
 * {@code valueOf(String)} the compiler gives every enum.
 */
class NoNullAcceptedTest {
  private static final List<String> EXPORTED = List.of("org.ratefloat", "org.ratefloat.error",
      "org.ratefloat.model", "org.ratefloat.decision", "org.ratefloat.thresholds");

  @Test
  void everyPublicMethodRefusesNullForEachReferenceParameterAndSaysWhich() throws Exception {
    Samples samples = new Samples();
    List<String> accepted = new ArrayList<>();
    int calls = 0;
    for (Class<?> c : exportedClasses()) {
      for (Executable e : executables(c)) {
        Parameter[] parameters = e.getParameters();
        for (int i = 0; i < parameters.length; i++) {
          if (parameters[i].getType().isPrimitive()) {
            continue;
          }
          calls++;
          String call = c.getName() + "." + e.getName() + "(" + parameters[i].getName() + " = null)";
          Object[] args = samples.arguments(c, e);
          args[i] = null;
          try {
            invoke(e, e instanceof Method m && !Modifier.isStatic(m.getModifiers()) ? samples.receiver(c) : null, args);
            accepted.add(call + ": accepted");
          } catch (InvocationTargetException thrown) {
            Throwable t = thrown.getCause();
            String named = parameters[i].getName();
            if (!(t instanceof NullPointerException) || t.getMessage() == null
                || !(t.getMessage().equals(named) || t.getMessage().equals(e.getName()) && parameters.length == 1
                    || t.getMessage().startsWith(named + " "))) {
              accepted.add(call + ": " + t);
            }
          }
        }
      }
    }
    assertTrue(calls > 150, "the scan found the API's parameters: " + calls);
    assertEquals(List.of(), accepted, accepted.size() + " of " + calls + " calls did not refuse null naming it");
  }

  private static Object invoke(Executable e, Object receiver, Object[] args) throws Exception {
    if (e instanceof Constructor<?> c) {
      return c.newInstance(args);
    }
    return ((Method) e).invoke(receiver, args);
  }

  /** The public classes of the exported packages, nested ones included, in a stable order. */
  private static List<Class<?>> exportedClasses() throws Exception {
    Path root = Path.of(RateFloat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    for (String pkg : EXPORTED) {
      try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (!name.endsWith(".class") || name.startsWith("package-info") || name.startsWith("module-info")) {
            continue;
          }
          Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
          if (isPublic(c)) {
            classes.add(c);
          }
        }
      }
    }
    return classes;
  }

  private static boolean isPublic(Class<?> c) {
    return Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic()
        && (c.getEnclosingClass() == null || isPublic(c.getEnclosingClass()));
  }

  /** The public constructors and declared methods that take a reference, but equals and enum valueOf. */
  private static List<Executable> executables(Class<?> c) {
    List<Executable> all = new ArrayList<>();
    if (!Modifier.isAbstract(c.getModifiers())) {
      all.addAll(List.of(c.getConstructors()));
    }
    for (Method m : c.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
        continue;
      }
      if (m.getName().equals("equals") && m.getParameterCount() == 1
          || c.isEnum() && m.getName().equals("valueOf") && m.getParameterCount() == 1) {
        continue;
      }
      all.add(m);
    }
    all.sort(Comparator.comparing(Executable::toString));
    return all;
  }

  /** Valid values: for a record's constructor its components, else one of each type; and receivers. */
  private static final class Samples {
    final RuleTable table = RateFloat.bundledTable("cn-hn-provisional");
    final RatingCase input;
    final Decision decision;
    final byte[] record;
    final Map<Class<?>, Object> records = new HashMap<>();
    final Map<Class<?>, Supplier<Object>> byType = new HashMap<>();
    final Map<Class<?>, Supplier<Object>> receivers = new HashMap<>();

    Samples() throws Exception {
      input = RateFloat.readCase(Path.of("examples/cn-hn-provisional/machinery.json"));
      decision = table.decide(input);
      record = RateFloat.toJson(decision);
      Claim claim = Claim.builder().id("C1").date(LocalDate.of(2024, 5, 1)).kind(Claim.ClaimKind.values()[0])
          .paid(BigDecimal.ONE).build();
      Decision surcharged = RateFloat.bundledTable("de-bg-bau-zuschlag").decide(
          RateFloat.readCase(Path.of("examples/de-bg-bau-zuschlag").resolve(first("examples/de-bg-bau-zuschlag"))));
      Verification mismatched = table.verify(new String(record, StandardCharsets.UTF_8)
          .replaceFirst("\"value\": \"[0-9.]+\"", "\"value\": \"9.9999\"").getBytes(StandardCharsets.UTF_8));
      for (Object r : List.of(input, input.employer(), input.employer().industry(), input.employer().status(),
          input.history().get(0), claim, ClassCodes.of("NCCI", "8810"), PriorFacts.NONE,
          new SafetyStandardisation(1, LocalDate.of(2026, 1, 1)), decision, decision.tables().get(0),
          decision.indicators().get(0), decision.steps().get(0), decision.newBand(), decision.premium().orElseThrow(),
          decision.warnings().get(0), surcharged.amounts().get(0), new Value.Num(BigDecimal.ONE), new Value.Text("x"),
          new Value.Fraction(BigInteger.ONE, BigInteger.TWO), table.verify(record), mismatched,
          ((Verification.Mismatched) mismatched).differences().get(0), table.sources().get(0), table.steps().get(0),
          table.classify(input.employer().industry()),
          new Finding(ErrorCode.RT029, Finding.Severity.WARNING, "t.json", "/indicators/0", "never used"),
          RateFloat.lint(List.of(Path.of("rules/cn-hn-provisional.json"))).get(0),
          new RuleTable.WorksheetLine("A", "x"), new Verification.WithoutInput(true, "x"),
          new Verification.Reason("verify.why.madeBy", Map.of("recorded", "a", "library", "b")),
          new org.ratefloat.decision.Premium.ClassPremium("8810", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))) {
        records.put(r.getClass(), r);
      }
      byType.put(String.class, () -> "x");
      byType.put(Object.class, () -> "x");
      byType.put(byte[].class, () -> record.clone());
      byType.put(String[].class, () -> new String[] {"8810"});
      byType.put(BigDecimal.class, () -> BigDecimal.ONE);
      byType.put(BigInteger.class, () -> BigInteger.ONE);
      byType.put(Path.class, () -> Path.of("rules/cn-hn-provisional.json"));
      byType.put(LocalDate.class, () -> LocalDate.of(2025, 1, 1));
      byType.put(java.util.Locale.class, () -> java.util.Locale.ROOT);
      byType.put(org.ratefloat.error.RateFloatException.class, () -> new InputException(ErrorCode.IN001, "", "x"));
      byType.put(List.class, List::of);
      byType.put(Map.class, Map::of);
      byType.put(java.util.Set.class, java.util.Set::of);
      byType.put(SortedMap.class, TreeMap::new);
      byType.put(SortedSet.class, () -> new TreeSet<>(List.of("8810")));
      byType.put(Optional.class, Optional::empty);
      byType.put(OptionalInt.class, OptionalInt::empty);
      byType.put(Function.class, () -> (Function<String, Optional<byte[]>>) id -> Optional.empty());
      byType.put(Supplier.class, () -> (Supplier<Object>) () -> "x");
      byType.put(CharSequence.class, () -> "x");
      byType.put(Band.class, decision::newBand);
      byType.put(Decision.class, () -> decision);
      byType.put(Value.class, () -> new Value.Num(BigDecimal.ONE));
      byType.put(ErrorCode.class, () -> ErrorCode.IN001);
      byType.put(Finding.Severity.class, () -> Finding.Severity.ERROR);
      byType.put(Claim.ClaimKind.class, () -> Claim.ClaimKind.values()[0]);
      byType.put(Edition.class, () -> Edition.GBT_4754_2011);
      byType.put(Measure.class, () -> Measure.PAYROLL);
      byType.put(org.ratefloat.decision.Premium.ClassPremium.class,
          () -> records.get(org.ratefloat.decision.Premium.ClassPremium.class));
      // the thresholds of the sample case, and their parts
      org.ratefloat.thresholds.Thresholds thresholds = table.thresholds(input);
      org.ratefloat.thresholds.Reach reach = thresholds.reaches().get(0);
      org.ratefloat.thresholds.Variable injuries = org.ratefloat.thresholds.Variable.of(Measure.INJURIES);
      org.ratefloat.thresholds.Interval interval = org.ratefloat.thresholds.Interval.of(BigDecimal.ZERO, BigDecimal.ONE);
      byType.put(org.ratefloat.thresholds.Thresholds.class, () -> thresholds);
      byType.put(org.ratefloat.thresholds.NextPeriod.class, org.ratefloat.thresholds.NextPeriod::standard);
      byType.put(org.ratefloat.thresholds.Variable.class, () -> injuries);
      byType.put(org.ratefloat.thresholds.Interval.class, () -> interval);
      byType.put(org.ratefloat.thresholds.Outcome.class, reach::outcome);
      byType.put(org.ratefloat.thresholds.Box.class, () -> org.ratefloat.thresholds.Box.of(Map.of(injuries, interval)));
      for (Object r : List.of(reach, reach.outcome(), reach.boxes().get(0), interval, injuries,
          thresholds.quantities().get(0), thresholds.assumptions().get(0))) {
        records.put(r.getClass(), r);
      }
      receivers.put(org.ratefloat.thresholds.Thresholds.class, () -> thresholds);
      receivers.put(org.ratefloat.thresholds.NextPeriod.class, org.ratefloat.thresholds.NextPeriod::standard);
      for (Object r : records.values()) {
        byType.putIfAbsent(r.getClass(), () -> r);
      }
      receivers.put(RuleTable.class, () -> table);
      receivers.put(InputException.class, () -> new InputException(ErrorCode.IN001, "", "x"));
      receivers.put(ErrorCode.class, () -> ErrorCode.IN025);
      receivers.put(org.ratefloat.error.RateFloatException.class, () -> new InputException(ErrorCode.IN001, "", "x"));
      receivers.put(org.ratefloat.error.RuleTableException.class,
          () -> new org.ratefloat.error.RuleTableException(ErrorCode.RT001, "t.json", "", "x"));
      receivers.put(org.ratefloat.error.UndeterminedException.class,
          () -> new org.ratefloat.error.UndeterminedException("", "x"));
      receivers.put(RatingCase.Builder.class, RatingCase::builder);
      receivers.put(Employer.Builder.class, Employer::builder);
      receivers.put(Claim.Builder.class, Claim::builder);
      receivers.put(Status.Builder.class, Status::builder);
      receivers.put(Period.Builder.class, () -> Period.builder(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    }

    private static String first(String dir) throws Exception {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.contains(".decision"))
            .sorted().findFirst().orElseThrow();
      }
    }

    Object receiver(Class<?> c) {
      Supplier<Object> s = receivers.get(c);
      if (s != null) {
        return s.get();
      }
      Object r = records.get(c);
      if (r == null && c.getSimpleName().equals("Builder") && c.getEnclosingClass() != null) {
        // a value's builder, from the value's static builder()
        try {
          Method builder = c.getEnclosingClass().getMethod("builder");
          if (Modifier.isStatic(builder.getModifiers()) && builder.getReturnType() == c) {
            return builder.invoke(null);
          }
        } catch (ReflectiveOperationException notThere) {
          // no such factory: no receiver
        }
      }
      if (r == null) {
        throw new IllegalStateException("no receiver for " + c);
      }
      return r;
    }

    /** Valid arguments: a record's constructor gets a sample record's components, the rest one of each type. */
    Object[] arguments(Class<?> c, Executable e) throws Exception {
      Parameter[] parameters = e.getParameters();
      Object[] args = new Object[parameters.length];
      Object sample = e instanceof Constructor<?> && c.isRecord() ? records.get(c) : null;
      for (int i = 0; i < parameters.length; i++) {
        Class<?> type = parameters[i].getType();
        Object value = null;
        if (sample != null) {
          for (RecordComponent rc : c.getRecordComponents()) {
            if (rc.getName().equals(parameters[i].getName()) && type.isAssignableFrom(rc.getType())) {
              value = rc.getAccessor().invoke(sample);
            }
          }
        }
        if (value == null) {
          value = type == boolean.class ? Boolean.FALSE : type == int.class ? 1 : type == long.class ? 1L
              : type.isEnum() && !byType.containsKey(type) ? type.getEnumConstants()[0]
              : byType.getOrDefault(type, () -> {
                throw new IllegalStateException("no sample of " + type + " for " + e);
              }).get();
        }
        args[i] = value;
      }
      return args;
    }
  }
}
