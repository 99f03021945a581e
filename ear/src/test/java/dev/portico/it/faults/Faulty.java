package dev.portico.it.faults;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Test only: marks a listener whose methods {@link FaultInterceptor} may make fail. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Faulty {

    /** The annotation itself, for {@link FaultExtension} to add. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Faulty> implements Faulty {
        public static final Literal INSTANCE = new Literal();
    }
}
