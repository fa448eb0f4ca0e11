package minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MinimalCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(MinimalCamundaApplication.class, args);
  }
}
