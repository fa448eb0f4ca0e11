// Camunda 7.24 Tasklist disables "Complete" whenever form-js's error state has any key
// (Object.keys(errors).length). form-js keeps an empty array under the id of every validated field
// of a dynamic list ({"Field_owner": []}), so a form with a prefilled dynamic list could never be
// completed. This decorates Tasklist's Camunda Forms directive: the form counts as invalid only
// while form-js shows an error, as it does for forms without lists; form-js still validates
// everything on Complete. Depends on Tasklist internals: TasklistDraftingFormTest checks it after
// every Camunda upgrade.
const angular = window.angular;
angular.module('cam.tasklist.form').decorator('camTasklistFormCamundaDirective', ['$delegate', '$timeout',
  ($delegate, $timeout) => {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = () => function (scope, element, attrs, formController) {
      const checked = Object.create(formController);
      checked.notifyFormValidated = (invalid) => {
        if (!invalid) {
          return formController.notifyFormValidated(false);
        }
        // let form-js render its state first, then see whether it shows a real error
        $timeout(() => formController.notifyFormValidated(
          !!element[0].querySelector('.fjs-form-field-error, .fjs-has-errors')), 50);
      };
      return link.call(this, scope, element, attrs, checked);
    };
    return $delegate;
  }]);
