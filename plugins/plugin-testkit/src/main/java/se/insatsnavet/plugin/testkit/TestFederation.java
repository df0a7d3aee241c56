package se.insatsnavet.plugin.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The testkit's unit mode as a JUnit 5 extension: on a test class, test methods (and constructors) get a
 * {@link PluginTestKit} for this federation as a parameter, with the class's enrichers and validators
 * registered.
 *
 * <pre>
 * &#64;TestFederation(id = "exempelby", municipalities = {"0580", "0561"},
 *                 enrichers = ExempelbyEnricher.class, validators = ExempelbyValidator.class)
 * class MyMapperTest {
 *     &#64;Test void maps(PluginTestKit kit) { … kit.map(new MyMapper(), row) … }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PluginTestKitExtension.class)
public @interface TestFederation {

    /** The federation's id. */
    String id();

    /** The federation's municipalities (SCB codes). */
    String[] municipalities() default {};

    /** Enrichers to run after the mapper (created with their no-argument constructors). */
    Class<? extends se.insatsnavet.plugin.api.EnricherPlugin>[] enrichers() default {};

    /** Validators to run on the result (created with their no-argument constructors). */
    Class<? extends se.insatsnavet.plugin.api.ValidatorPlugin>[] validators() default {};
}
