import{a,b,c}from"./chunk-TOF4WCNF.js";import"./chunk-MYTJS6DR.js";import"./chunk-A7NAGZSC.js";export{c as CreateCustomer,b as Customers,a as noteOnCustomers};
